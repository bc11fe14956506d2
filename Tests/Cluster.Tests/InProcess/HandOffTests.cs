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
    public async Task A_stopped_silos_grains_reactivate_on_another_silo_with_their_persisted_state()
    {
        var caller = _cluster.Silos[0];
        var keys = Enumerable.Range(0, 30).Select(_ => Key()).ToArray();
        // Activated by calls from the other silos: Orleans' default placement, with equal load, keeps a grain where it was
        // first called, so the silo that leaves surely hosts some.
        var before = new Dictionary<string, Served>();
        for (var i = 0; i < keys.Length; i++)
        {
            var grain = _cluster.Silos[1 + i % 2].Grains().GetGrain<ICounterGrain>(keys[i]);
            await grain.Increment().Within();
            before[keys[i]] = await grain.Increment().Within();
        }
        var leaving = _cluster.Silos.Skip(1).MaxBy(s => before.Values.Count(f => f.Silo == s.Address()))!;
        var address = leaving.Address();
        var moved = keys.Where(k => before[k].Silo == address).ToArray();
        Assert.NotEmpty(moved);

        await _cluster.StopSiloAsync(leaving);

        foreach (var key in keys)
        {
            var after = await caller.Grains().GetGrain<ICounterGrain>(key).Increment().Within();
            Assert.NotEqual(address, after.Silo);
            Assert.Equal(3, after.Value); // the two increments before the stop were persisted
            if (moved.Contains(key)) { Assert.NotEqual(before[key].Activation, after.Activation); }
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
