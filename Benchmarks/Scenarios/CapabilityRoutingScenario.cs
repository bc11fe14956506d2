using System.Diagnostics;
using System.Text.Json;
using Rayswarm.Grains.Interfaces;

namespace Rayswarm.Benchmarks;

/// <summary>
/// <c>capability-routing</c>: three endpoint workers (Kestrel on loopback, the action protocol) share one capability; one
/// answers after <see cref="SlowMs"/> ms, the other two after <see cref="FastMs"/> ms. 16 clients create and execute
/// one-step workflows that name the capability, in the product's embedded silo. The run alternates four phases of a
/// quarter of <c>--duration</c>: <c>least_loaded</c>, <c>random</c>, <c>least_loaded</c>, <c>random</c>, so both strategies
/// meet the same machine. <c>ops_per_sec</c>, <c>p50_us</c>, <c>p99_us</c> are least_loaded's (create → completed);
/// <c>random_*</c> the same for random; <c>slow_share</c> / <c>random_slow_share</c> the fraction of calls that went to the
/// slow worker (a third is what an even spread gives).
/// </summary>
public static class CapabilityRoutingScenario
{
    private const int SlowMs = 500;
    private const int FastMs = 5;
    private const int Clients = 16;
    private const string Capability = "bench-routing";

    public static async Task<BenchmarkResult> RunAsync(BenchmarkArguments args)
    {
        await using var silo = await BenchSilo.StartAsync();
        var workers = new[] { await WorkerAsync(SlowMs), await WorkerAsync(FastMs), await WorkerAsync(FastMs) };
        try
        {
            var registry = silo.Grains.GetGrain<IRegistryGrain>(IRegistryGrain.Key);
            for (var i = 0; i < workers.Length; i++)
            {
                await registry.Register(new DomainRegistration($"bench-worker-{i}", null, workers[i].Endpoint, [Capability]));
            }
            var workflows = silo.Grains.GetGrain<IWorkflowsGrain>(IWorkflowsGrain.Key);
            await PhaseAsync(workflows, workers, RoutingStrategies.LeastLoaded, TimeSpan.FromSeconds(2)); // warm-up

            var phase = args.Duration / 4;
            var results = new Dictionary<string, Phase>(StringComparer.Ordinal);
            foreach (var strategy in new[] { RoutingStrategies.LeastLoaded, RoutingStrategies.Random, RoutingStrategies.LeastLoaded, RoutingStrategies.Random })
            {
                var measured = await PhaseAsync(workflows, workers, strategy, phase);
                results[strategy] = results.TryGetValue(strategy, out var earlier) ? earlier.Add(measured) : measured;
                await Console.Error.WriteLineAsync($"{strategy}: {measured.Latency.Count:N0} workflows, slow share {measured.SlowShare:P1}, p99 {measured.Latency.PercentileUs(99) / 1000:F1} ms");
            }
            var (ll, random) = (results[RoutingStrategies.LeastLoaded], results[RoutingStrategies.Random]);
            return new BenchmarkResult("capability-routing", ll.Latency.Count / ll.Seconds, ll.Latency.PercentileUs(50), ll.Latency.PercentileUs(99))
                .With("random_ops_per_sec", Math.Round(random.Latency.Count / random.Seconds))
                .With("random_p50_us", Math.Round(random.Latency.PercentileUs(50), 1))
                .With("random_p99_us", Math.Round(random.Latency.PercentileUs(99), 1))
                .With("p90_us", Math.Round(ll.Latency.PercentileUs(90), 1))
                .With("random_p90_us", Math.Round(random.Latency.PercentileUs(90), 1))
                .With("slow_share", ll.SlowShare)
                .With("random_slow_share", random.SlowShare)
                .With("failed", ll.Failed + random.Failed)
                .With("workers", workers.Length)
                .With("slow_ms", SlowMs)
                .With("fast_ms", FastMs)
                .With("clients", Clients);
        }
        finally
        {
            foreach (var worker in workers) { await worker.DisposeAsync(); }
        }
    }

    private static async Task<EndpointDomain> WorkerAsync(int delayMs)
    {
        var worker = await EndpointDomain.StartAsync();
        worker.Handler = async (_, _) =>
        {
            await Task.Delay(delayMs);
            return (200, """{"ok": true}""");
        };
        return worker;
    }

    private sealed record Phase(LatencyHistogram Latency, double Seconds, long SlowCalls, long Calls, long Failed)
    {
        public double SlowShare => Calls == 0 ? 0 : (double)SlowCalls / Calls;

        public Phase Add(Phase other)
        {
            var latency = new LatencyHistogram();
            latency.Add(Latency);
            latency.Add(other.Latency);
            return new Phase(latency, Seconds + other.Seconds, SlowCalls + other.SlowCalls, Calls + other.Calls, Failed + other.Failed);
        }
    }

    private static async Task<Phase> PhaseAsync(IWorkflowsGrain workflows, EndpointDomain[] workers, string strategy, TimeSpan duration)
    {
        var request = new CreateWorkflowRequest("bench-routing", [
            new WorkflowStepRequest(null, "work", JsonSerializer.SerializeToElement(new { n = 1 }), Capability: Capability, Strategy: strategy),
        ]);
        var before = workers.Select(w => (long)w.Calls.Count).ToArray();
        var histograms = new LatencyHistogram[Clients];
        long failed = 0;
        var started = Stopwatch.GetTimestamp();
        using (var stop = new CancellationTokenSource(duration))
        {
            await Task.WhenAll(Enumerable.Range(0, Clients).Select(c => Task.Run(async () =>
            {
                var histogram = histograms[c] = new LatencyHistogram();
                while (!stop.IsCancellationRequested)
                {
                    var begin = Stopwatch.GetTimestamp();
                    try
                    {
                        var created = await workflows.Create(request);
                        var done = await workflows.Execute(created.WorkflowId, 60);
                        if (done.Status == WorkflowStatus.Completed) { histogram.Record(Stopwatch.GetTimestamp() - begin); }
                        else { Interlocked.Increment(ref failed); }
                    }
                    catch (Exception e)
                    {
                        await Console.Error.WriteLineAsync($"workflow failed: {e.GetType().Name}: {e.Message}");
                        Interlocked.Increment(ref failed);
                    }
                }
            })));
        }
        var seconds = Stopwatch.GetElapsedTime(started).TotalSeconds;
        var all = new LatencyHistogram();
        foreach (var h in histograms) { all.Add(h); }
        var calls = workers.Select((w, i) => w.Calls.Count - before[i]).ToArray();
        return new Phase(all, seconds, calls[0], calls.Sum(), failed);
    }
}
