using Orleans.TestingHost;
using Rayswarm.Cluster.TestGrains;

namespace Rayswarm.Cluster.Tests;

/// <summary>Silos leaving an in-process cluster; each test has a cluster of its own.</summary>
public sealed class HandOffTests : IAsyncLifetime
{
    private InProcessTestCluster _cluster = null!;

    public async Task InitializeAsync() => _cluster = await InProcessClusters.StartAsync(3);

    public async Task DisposeAsync() => await _cluster.DisposeAsync();

    private static string Key() => Guid.NewGuid().ToString("N");

    [Fact]
    public async Task A_stopping_silo_hands_its_grains_over_with_their_state_and_no_call_fails()
    {
        var caller = _cluster.Silos[0];
        var keys = Enumerable.Range(0, 30).Select(_ => Key()).ToArray();
        var first = new Dictionary<string, Served>();
        foreach (var key in keys) { first[key] = await caller.Grains().GetGrain<ICounterGrain>(key).Increment().Within(); }
        // The silo (other than the caller's) that hosts the most of them leaves.
        var leaving = _cluster.Silos.Skip(1).MaxBy(s => first.Values.Count(f => f.Silo == s.Address()))!;
        Assert.Contains(first.Values, f => f.Silo == leaving.Address());
        var counts = keys.ToDictionary(k => k, _ => 1L);

        using var stop = new CancellationTokenSource();
        var errors = new List<Exception>();
        var calls = 0;
        var load = Task.Run(async () =>
        {
            for (var n = 0; !stop.IsCancellationRequested; n++)
            {
                var key = keys[n % keys.Length];
                try
                {
                    var served = await caller.Grains().GetGrain<ICounterGrain>(key).Increment();
                    Assert.Equal(++counts[key], served.Value);
                    Interlocked.Increment(ref calls);
                }
                catch (Exception e) { lock (errors) { errors.Add(e); } }
            }
        });
        await Eventually.True(() => Volatile.Read(ref calls) > 30, "load running");
        await _cluster.StopSiloAsync(leaving);
        var after = Volatile.Read(ref calls);
        await Eventually.True(() => Volatile.Read(ref calls) > after + 60, "calls go on after the silo left");
        stop.Cancel();
        await load.Within();

        Assert.Empty(errors);
        foreach (var key in keys)
        {
            var served = await _cluster.Silos[1].Grains().GetGrain<ICounterGrain>(key).Get().Within();
            Assert.NotEqual(leaving.Address(), served.Silo);
            Assert.Equal(counts[key], served.Value);
        }
    }

    [Fact]
    public async Task Reminders_of_a_silo_that_left_keep_ticking_on_another()
    {
        var keys = Enumerable.Range(0, 12).Select(_ => Key()).ToArray();
        foreach (var key in keys) { await _cluster.Silos[0].Grains().GetGrain<IAlarmGrain>(key).Set(TimeSpan.FromMilliseconds(300)).Within(); }
        await Eventually.True(() => keys.All(k => AlarmGrain.Ticks.TryGetValue(k, out var q) && !q.IsEmpty), "every alarm ticked");

        var leaving = _cluster.Silos[2];
        var address = leaving.Address();
        await _cluster.StopSiloAsync(leaving);
        var counts = keys.ToDictionary(k => k, k => AlarmGrain.Ticks[k].Count);
        await Eventually.True(() => keys.All(k => AlarmGrain.Ticks[k].Count >= counts[k] + 3), "every alarm ticks again after the silo left");

        Assert.All(keys, k => Assert.NotEqual(address, AlarmGrain.Ticks[k].Last()));
    }
}
