using System.Collections.Concurrent;
using System.Diagnostics;
using Rayswarm.Cluster.TestGrains;
using Xunit.Abstractions;

namespace Rayswarm.Cluster.Tests;

/// <summary>Real Silo processes on real PostgreSQL: a silo killed with SIGKILL, a silo stopped with SIGTERM.</summary>
[Trait("Category", "Slow")]
[Collection(SiloProcesses.Name)]
public sealed class FailoverTests(SiloCluster cluster, ITestOutputHelper output) : SiloClusterTests<SiloCluster>(cluster, output)
{
    [Fact]
    public async Task A_killed_silos_grains_answer_again_elsewhere_with_their_acknowledged_state_and_one_activation_at_a_time()
    {
        await Cluster.EnsureSilosAsync(3);
        await using var client = await Cluster.ConnectAsync();
        var keys = Enumerable.Range(0, 24).Select(i => $"kill-{i}").ToArray();
        var log = new ConcurrentDictionary<string, ConcurrentQueue<Served>>();
        foreach (var key in keys) { log[key] = new ConcurrentQueue<Served>([await client.GetGrain<ICounterGrain>(key).Increment().Within()]); }

        // The victim: the silo hosting the most of them.
        var victim = keys.Select(k => Cluster.Find(log[k].Last().Silo)).GroupBy(s => s).MaxBy(g => g.Count())!.Key;
        var hosted = keys.Where(k => victim.Is(log[k].Last().Silo)).ToArray();
        Log($"{hosted.Length} of {keys.Length} grains on the victim {victim.SiloPort}");

        using var stop = new CancellationTokenSource();
        var failures = 0;
        var load = Enumerable.Range(0, 4).Select(worker => Task.Run(async () =>
        {
            for (var n = 0; !stop.IsCancellationRequested; n++)
            {
                var key = keys[(worker * 7 + n) % keys.Length];
                try { log[key].Enqueue(await client.GetGrain<ICounterGrain>(key).Increment()); }
                catch (Exception) { Interlocked.Increment(ref failures); } // not acknowledged: its increment may or may not have happened
            }
        })).ToArray();

        await Eventually.True(() => log.Values.Sum(q => q.Count) > keys.Length * 5, "load running");
        var killedAt = Stopwatch.StartNew();
        victim.Kill();

        // Every grain of the dead silo answers again, from another silo.
        foreach (var key in hosted)
        {
            await Eventually.True(() => log[key].LastOrDefault() is { } last && !victim.Is(last.Silo), $"{key} served again elsewhere", 30_000);
        }
        Log($"every grain of the killed silo answered elsewhere {killedAt.ElapsedMilliseconds} ms after the kill ({Volatile.Read(ref failures)} calls failed meanwhile)");
        stop.Cancel();
        await Task.WhenAll(load).Within(30_000);

        foreach (var key in keys)
        {
            var served = log[key].ToArray();
            var final = await client.GetGrain<ICounterGrain>(key).Get().Within();
            // No acknowledged increment is lost: the value never went back below what was acknowledged.
            Assert.True(final.Value >= served.Max(s => s.Value), $"{key}: final {final.Value} < acknowledged {served.Max(s => s.Value)}");
            // One activation at a time: each acknowledged value is unique, and once a newer activation served, an older never serves again.
            Assert.Equal(served.Length, served.Select(s => s.Value).Distinct().Count());
            var order = served.Select(s => s.Activation).Append(final.Activation).ToList();
            var runs = order.Where((a, i) => i == 0 || order[i - 1] != a).ToList();
            Assert.Equal(runs.Count, runs.Distinct().Count());
            Assert.False(victim.Is(final.Silo));
        }
    }

    [Fact]
    public async Task A_silo_stopped_with_sigterm_hands_off_its_grains_without_failed_calls()
    {
        await Cluster.EnsureSilosAsync(3);
        await using var client = await Cluster.ConnectAsync();
        var keys = Enumerable.Range(0, 24).Select(i => $"term-{i}").ToArray();
        var first = new Dictionary<string, Served>();
        foreach (var key in keys) { first[key] = await client.GetGrain<ICounterGrain>(key).Increment().Within(); }
        var leaving = keys.Select(k => Cluster.Find(first[k].Silo)).GroupBy(s => s).MaxBy(g => g.Count())!.Key;
        await Eventually.True(async () => (await client.ActiveSilosAsync()).Length == Cluster.Live.Count, "the cluster lists exactly the running silos");

        using var stop = new CancellationTokenSource();
        var errors = new ConcurrentQueue<Exception>();
        var acked = new ConcurrentDictionary<string, long>();
        var load = Enumerable.Range(0, 4).Select(worker => Task.Run(async () =>
        {
            for (var n = 0; !stop.IsCancellationRequested; n++)
            {
                var key = keys[(worker * 5 + n) % keys.Length];
                try
                {
                    var value = (await client.GetGrain<ICounterGrain>(key).Increment()).Value;
                    acked.AddOrUpdate(key, value, (_, old) => Math.Max(old, value));
                }
                catch (Exception e) { errors.Enqueue(e); }
            }
        })).ToArray();

        await Eventually.True(() => acked.Values.Sum() > keys.Length * 3, "load running");
        leaving.Terminate();
        Assert.Equal(0, await leaving.WaitForExitAsync());
        await Eventually.True(async () => (await client.ActiveSilosAsync()).Length == Cluster.Live.Count, "the cluster saw the silo leave");
        var after = acked.Values.Sum();
        await Eventually.True(() => acked.Values.Sum() > after + 50, "calls continue after the hand-off");
        stop.Cancel();
        await Task.WhenAll(load).Within(30_000);

        foreach (var e in errors.Take(5)) { Log(e.ToString()); }
        Assert.Empty(errors);
        foreach (var key in keys)
        {
            var served = await client.GetGrain<ICounterGrain>(key).Get().Within();
            Assert.False(leaving.Is(served.Silo));
            Assert.Equal(acked.GetValueOrDefault(key, 1), served.Value); // every increment was acknowledged, none lost in the hand-off
        }
    }
}
