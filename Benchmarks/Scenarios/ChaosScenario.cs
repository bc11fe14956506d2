using Rayswarm.Cluster.Tests;

namespace Rayswarm.Benchmarks;

/// <summary>
/// <c>chaos</c> (issue 16): a throwaway PostgreSQL, three <c>Silo</c> processes and a cluster-mode <c>Gateway</c>, and the mixed
/// load through the gateway's HTTP API (events to a subscribed endpoint domain, memory contributions, workflows over the
/// built-in domains, one in four rolling back) for <c>--duration</c>, while a random silo is killed with SIGKILL and replaced
/// every 10 s. <c>--variant gray</c> also pauses a silo with SIGSTOP for 10 s and kills the gateway once; <c>--variant calm</c>
/// runs the load and checks without any chaos. The run and its checks are the chaos test's (<see cref="ChaosRun"/>);
/// <c>ops_per_sec</c> counts requests served during the load, the percentiles are their latencies.
/// </summary>
public static class ChaosScenario
{
    public static async Task<BenchmarkResult> RunAsync(BenchmarkArguments args)
    {
        var options = args.Variant switch
        {
            null => new ChaosOptions { Duration = args.Duration },
            "gray" => new ChaosOptions { Duration = args.Duration, Gray = true },
            "calm" => new ChaosOptions { Duration = args.Duration, Calm = true },
            _ => throw new ArgumentException($"chaos: --variant is gray or calm, not '{args.Variant}'."),
        };
        var latency = new LatencyHistogram();
        var result = await ChaosRun.RunAsync(options, line => Console.Error.WriteLine($"{DateTime.UtcNow:HH:mm:ss.fff} {line}"), ticks =>
        {
            lock (latency) { latency.Record(ticks); }
        });

        var logs = Directory.CreateTempSubdirectory("rayswarm-chaos-").FullName;
        foreach (var (process, output) in result.Outputs) { await File.WriteAllTextAsync(Path.Combine(logs, process + ".log"), output); }
        await Console.Error.WriteLineAsync($"the processes' output: {logs}");

        var figures = result.Figures;
        var benchmark = new BenchmarkResult("chaos", figures.Served / figures.LoadSeconds, latency.PercentileUs(50), latency.PercentileUs(99))
            .With("variant", args.Variant ?? "kills")
            .With("seed", options.Seed);
        foreach (var (name, value) in figures.Fields()) { benchmark.With(name, value); }
        return benchmark;
    }
}
