using System.Collections.Concurrent;
using System.Diagnostics;
using Microsoft.Extensions.Logging.Abstractions;
using Rayswarm.Cluster.TestGrains;
using Rayswarm.Runtime.Abstractions;
using Rayswarm.Runtime.Core;
using Rayswarm.Runtime.Postgres;
using Rayswarm.Testing;

namespace Rayswarm.Benchmarks;

/// <summary>
/// <c>failover</c>: three Silo processes on PostgreSQL; this process is a cluster client calling grains with persisted
/// counters steadily; one silo is killed with SIGKILL. <c>recovery_s</c>: from the kill until every grain the dead
/// silo hosted answered again. <c>lost</c>: acknowledged increments missing from the final counters.
/// </summary>
public static class FailoverScenario
{
    private const int GrainCount = 120;
    private const int Callers = 16;

    public static async Task<BenchmarkResult> RunAsync(BenchmarkArguments args)
    {
        var postgres = new PostgresServer();
        await postgres.InitializeAsync();
        var database = await postgres.CreateDatabaseAsync();
        const string clusterId = "bench-failover", secret = "bench-secret";
        var silos = new List<ExternalSilo>();
        for (var i = 0; i < 3; i++) { silos.Add(await ExternalSilo.StartAsync(database, clusterId, secret)); }
        await using var client = new ClusterClient(new PostgresMembershipTable(clusterId, new PostgresStorageOptions { ConnectionString = database }), new ClusterOptions { ClusterId = clusterId, Secret = secret },
            new ClientOptions { ResponseTimeout = TimeSpan.FromSeconds(5), GatewayRefreshPeriod = TimeSpan.FromMilliseconds(500) },
            GrainCodeRegistry.Shared, TimeProvider.System, NullLogger<ClusterClient>.Instance);
        await client.ConnectAsync(CancellationToken.None);

        var keys = Enumerable.Range(0, GrainCount).Select(i => $"counter-{i}").ToArray();
        var acked = new ConcurrentDictionary<string, long>();
        var where = new ConcurrentDictionary<string, string>();
        foreach (var key in keys)
        {
            var served = await client.GetGrain<ICounterGrain>(key).Increment();
            acked[key] = served.Value;
            where[key] = served.Silo;
        }

        var victim = silos[1];
        var hosted = keys.Where(k => where[k] == victim.Address).ToHashSet();
        var answeredAfterKill = new ConcurrentDictionary<string, long>();
        long killedAt = 0, calls = 0, failed = 0;
        var histogram = new LatencyHistogram[Callers];
        using var stop = new CancellationTokenSource();
        var load = Enumerable.Range(0, Callers).Select(c => Task.Run(async () =>
        {
            var h = histogram[c] = new LatencyHistogram();
            for (var n = 0; !stop.IsCancellationRequested; n++)
            {
                var key = keys[(c * 13 + n) % keys.Length];
                var t0 = Stopwatch.GetTimestamp();
                try
                {
                    var served = await client.GetGrain<ICounterGrain>(key).Increment();
                    h.Record(Stopwatch.GetTimestamp() - t0);
                    acked.AddOrUpdate(key, served.Value, (_, v) => Math.Max(v, served.Value));
                    Interlocked.Increment(ref calls);
                    var killed = Interlocked.Read(ref killedAt);
                    if (killed != 0 && t0 > killed) { answeredAfterKill.TryAdd(key, Stopwatch.GetTimestamp()); }
                }
                catch (Exception e) when (e is SiloUnavailableException or GrainCallTimeoutException or RemoteGrainException)
                {
                    Interlocked.Increment(ref failed);
                }
            }
        })).ToArray();

        var started = Stopwatch.GetTimestamp();
        await Task.Delay(TimeSpan.FromSeconds(Math.Max(1, args.Duration.TotalSeconds / 3)));
        Interlocked.Exchange(ref killedAt, Stopwatch.GetTimestamp());
        victim.Kill();
        var deadline = Stopwatch.GetTimestamp() + (Stopwatch.Frequency * 60);
        while (!hosted.All(answeredAfterKill.ContainsKey) && Stopwatch.GetTimestamp() < deadline) { await Task.Delay(20); }
        var recovered = hosted.All(answeredAfterKill.ContainsKey);
        var recovery = recovered ? hosted.Max(k => Stopwatch.GetElapsedTime(killedAt, answeredAfterKill[k])).TotalSeconds : double.NaN;
        await Task.Delay(TimeSpan.FromSeconds(Math.Max(1, args.Duration.TotalSeconds / 3)));
        stop.Cancel();
        await Task.WhenAll(load);
        var elapsed = Stopwatch.GetElapsedTime(started).TotalSeconds;

        long lost = 0;
        foreach (var key in keys)
        {
            var final = (await client.GetGrain<ICounterGrain>(key).Get()).Value;
            lost += Math.Max(0, acked[key] - final);
        }
        await Console.Error.WriteLineAsync($"{hosted.Count} grains on the killed silo; recovered in {recovery:F2} s; {failed} calls failed during failover; lost {lost}");
        foreach (var silo in silos) { await silo.DisposeAsync(); }
        await postgres.DisposeAsync();

        var merged = new LatencyHistogram();
        foreach (var h in histogram) { merged.Add(h); }
        return new BenchmarkResult("failover", calls / elapsed, merged.PercentileUs(50), merged.PercentileUs(99))
            .With("grains", GrainCount)
            .With("grains_on_killed_silo", hosted.Count)
            .With("recovery_s", Math.Round(recovery, 2))
            .With("failed_calls", failed)
            .With("lost", lost);
    }
}
