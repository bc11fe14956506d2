using Rayswarm.Cluster.TestGrains;
using Rayswarm.Runtime.Core;

namespace Rayswarm.Cluster.Tests;

/// <summary>Silos leaving and load-aware placement; each test has a cluster of its own.</summary>
public sealed class HandOffTests : IAsyncLifetime
{
    private TestCluster _cluster = null!;

    public async Task InitializeAsync() => _cluster = await TestCluster.StartAsync(3);

    public async Task DisposeAsync() => await _cluster.DisposeAsync();

    private static string Key() => Guid.NewGuid().ToString("N");

    [Fact]
    public async Task A_stopping_silo_hands_its_grains_over_with_their_state_and_no_call_fails()
    {
        var keys = Enumerable.Range(0, 30).Select(_ => Key()).ToArray();
        foreach (var key in keys) { await _cluster.Grains(0).GetGrain<ICounterGrain>(key).Increment().Within(); }
        var leaving = _cluster.Address(2);
        var counts = keys.ToDictionary(k => k, _ => 1L);

        using var stop = new CancellationTokenSource();
        var errors = new List<Exception>();
        var load = Task.Run(async () =>
        {
            for (var n = 0; !stop.IsCancellationRequested; n++)
            {
                var key = keys[n % keys.Length];
                try
                {
                    var served = await _cluster.Grains(0).GetGrain<ICounterGrain>(key).Increment();
                    Assert.Equal(++counts[key], served.Value);
                }
                catch (Exception e) { lock (errors) { errors.Add(e); } }
            }
        });
        await _cluster.StopSiloAsync(2);
        var after = counts.Values.Sum();
        await Eventually.True(() => counts.Values.Sum() > after + 60, "calls go on after the silo left");
        stop.Cancel();
        await load.Within();

        Assert.Empty(errors);
        foreach (var key in keys) { Assert.NotEqual(leaving, (await _cluster.Grains(1).GetGrain<ICounterGrain>(key).Get().Within()).Silo); }
    }

    [Fact]
    public async Task Reminders_of_a_silo_that_left_keep_ticking_on_another()
    {
        var keys = Enumerable.Range(0, 12).Select(_ => Key()).ToArray();
        foreach (var key in keys) { await _cluster.Grains(0).GetGrain<IAlarmGrain>(key).Set(TimeSpan.FromMilliseconds(300)).Within(); }
        await Eventually.True(() => keys.All(k => AlarmGrain.Ticks.TryGetValue(k, out var q) && !q.IsEmpty), "every alarm ticked");

        var leaving = _cluster.Address(2);
        await _cluster.StopSiloAsync(2);
        var counts = keys.ToDictionary(k => k, k => AlarmGrain.Ticks[k].Count);
        await Eventually.True(() => keys.All(k => AlarmGrain.Ticks[k].Count >= counts[k] + 3), "every alarm ticks again after the silo left");

        Assert.All(keys, k => Assert.NotEqual(leaving, AlarmGrain.Ticks[k].Last()));
    }

    [Fact]
    public async Task Activation_count_placement_avoids_the_busiest_silo()
    {
        for (var i = 0; i < 400; i++) { await _cluster.Grains(0).GetGrain<ILocalGrain>(Key()).Silo().Within(); }
        var router = _cluster.Runtime(0).Router!;
        var others = Enumerable.Range(1, 2).Select(i => SiloAddress.Parse(_cluster.Address(i))).ToArray();
        await Eventually.True(() => others.All(o => !ReferenceEquals(router.Load(o), SiloLoad.Unknown)), "silo 0 learned the others' load");

        var placed = new List<string>();
        for (var i = 0; i < 90; i++) { placed.Add(await _cluster.Grains(0).GetGrain<ILeastLoadedGrain>(Key()).Silo().Within()); }

        // Random placement would put about 30 of 90 on silo 0; power of two choices only when both picks are silo 0 (about 10).
        Assert.InRange(placed.Count(s => s == _cluster.Address(0)), 0, 20);
    }
}
