using System.Collections.Concurrent;
using System.Diagnostics;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Orleans.Configuration;
using Rayswarm.Cluster.TestGrains;
using Rayswarm.Grains;
using Rayswarm.Grains.Providers;

namespace Rayswarm.Benchmarks;

/// <summary>
/// <c>failover</c>: three <c>Silo</c> processes on a throwaway PostgreSQL; this process is a cluster client (the product's call
/// timings) calling grains with persisted counters steadily; one silo is killed with SIGKILL. <c>recovery_s</c>: from the kill
/// until every grain the dead silo hosted answered a call made after the kill (probes, each given 0.5 s). <c>lost</c>: acknowledged increments missing
/// from the final counters; <c>failed_calls</c>: calls that threw meanwhile.
/// </summary>
public static class FailoverScenario
{
    private const int GrainCount = 120;
    private const int Callers = 16;
    private const string ClusterId = "bench-failover";

    public static async Task<BenchmarkResult> RunAsync(BenchmarkArguments args)
    {
        var postgres = new PostgresServer();
        await postgres.InitializeAsync();
        var database = await postgres.CreateDatabaseAsync();
        var silos = new List<ExternalSilo>();
        try
        {
            for (var i = 0; i < 3; i++) { silos.Add(await ExternalSilo.StartAsync(ClusterId, database)); }
            using var client = await StartClientAsync(database);
            return await MeasureAsync(client.Services.GetRequiredService<IClusterClient>(), silos, args);
        }
        finally
        {
            foreach (var silo in silos) { await silo.DisposeAsync(); }
            await postgres.DisposeAsync();
        }
    }

    private static async Task<BenchmarkResult> MeasureAsync(IClusterClient client, List<ExternalSilo> silos, BenchmarkArguments args)
    {
        var keys = Enumerable.Range(0, GrainCount).Select(i => $"counter-{i}").ToArray();
        var acked = new ConcurrentDictionary<string, long>(StringComparer.Ordinal);
        var where = new ConcurrentDictionary<string, int>(StringComparer.Ordinal);
        foreach (var key in keys)
        {
            var served = await client.GetGrain<ICounterGrain>(key).Increment();
            acked[key] = served.Value;
            where[key] = SiloAddress.FromParsableString(served.Silo).Endpoint.Port;
        }

        var victim = silos[1];
        var hosted = keys.Where(k => where[k] == victim.SiloPort).ToHashSet(StringComparer.Ordinal);
        long failed = 0;
        var histograms = new LatencyHistogram[Callers];
        using var stop = new CancellationTokenSource();
        var load = Enumerable.Range(0, Callers).Select(c => Task.Run(async () =>
        {
            var histogram = histograms[c] = new LatencyHistogram();
            for (var n = 0; !stop.IsCancellationRequested; n++)
            {
                var key = keys[((c * 13) + n) % keys.Length];
                var t0 = Stopwatch.GetTimestamp();
                try
                {
                    var served = await client.GetGrain<ICounterGrain>(key).Increment();
                    histogram.Record(Stopwatch.GetTimestamp() - t0);
                    acked.AddOrUpdate(key, served.Value, (_, v) => Math.Max(v, served.Value));
                }
                catch (Exception e) when (e is not OperationCanceledException)
                {
                    Interlocked.Increment(ref failed);
                }
            }
        })).ToArray();

        var started = Stopwatch.GetTimestamp();
        await Task.Delay(TimeSpan.FromSeconds(Math.Max(1, args.Duration.TotalSeconds / 3)));
        var killedAt = Stopwatch.GetTimestamp();
        victim.Kill();
        // Every grain the dead silo hosted is probed with fresh calls until it answers: a call in flight at the kill (the load's)
        // waits out the response timeout, which says nothing about when the grain is back.
        var answered = await Task.WhenAll(hosted.Select(key => FirstAnswerAsync(client.GetGrain<ICounterGrain>(key), killedAt)));
        var recovered = answered.All(t => t is not null);
        var recovery = !recovered ? double.NaN : answered.Length == 0 ? 0 : answered.Max(t => t!.Value).TotalSeconds;
        await Task.Delay(TimeSpan.FromSeconds(Math.Max(1, args.Duration.TotalSeconds / 3)));
        await stop.CancelAsync();
        await Task.WhenAll(load);
        var elapsed = Stopwatch.GetElapsedTime(started).TotalSeconds;

        long lost = 0;
        foreach (var key in keys)
        {
            var final = (await client.GetGrain<ICounterGrain>(key).Get()).Value;
            lost += Math.Max(0, acked[key] - final);
        }
        var merged = new LatencyHistogram();
        foreach (var h in histograms) { merged.Add(h); }
        await Console.Error.WriteLineAsync(
            $"{hosted.Count} grains on the killed silo; recovered in {recovery:F2} s; {failed} calls failed during failover; lost {lost}");
        return new BenchmarkResult("failover", merged.Count / elapsed, merged.PercentileUs(50), merged.PercentileUs(99))
            .With("grains", GrainCount)
            .With("grains_on_killed_silo", hosted.Count)
            .With("recovery_s", recovered ? Math.Round(recovery, 2) : -1)
            .With("failed_calls", failed)
            .With("lost", lost);
    }

    /// <summary>The time from <paramref name="killedAt"/> until <paramref name="grain"/> answered a call made after it, each try
    /// given half a second (null if it never did within a minute).</summary>
    private static async Task<TimeSpan?> FirstAnswerAsync(ICounterGrain grain, long killedAt)
    {
        while (Stopwatch.GetElapsedTime(killedAt) < TimeSpan.FromMinutes(1))
        {
            try
            {
                await grain.Get().WaitAsync(TimeSpan.FromMilliseconds(500));
                return Stopwatch.GetElapsedTime(killedAt);
            }
            catch (Exception e) when (e is not OperationCanceledException)
            {
                await Task.Delay(50);
            }
        }
        return null;
    }

    private static async Task<IHost> StartClientAsync(string database)
    {
        var builder = Host.CreateApplicationBuilder();
        builder.Logging.ClearProviders();
        builder.UseOrleansClient(client => client
            .UsePostgresClustering(database)
            .UseClusterTimings()
            .Configure<ClusterOptions>(o => (o.ClusterId, o.ServiceId) = (ClusterId, ClusterId)));
        var host = builder.Build();
        await host.StartAsync();
        return host;
    }
}
