using Orleans.TestingHost;
using Rayswarm.Cluster.TestGrains;

namespace Rayswarm.Cluster.Tests;

/// <summary>Three silos of one in-process cluster, shared by the tests of the class.</summary>
public sealed class ThreeSilos : IAsyncLifetime
{
    public InProcessTestCluster Cluster { get; private set; } = null!;

    public InProcessSiloHandle this[int silo] => Cluster.Silos[silo];

    public async Task InitializeAsync() => Cluster = await InProcessClusters.StartAsync(3);

    public async Task DisposeAsync() => await Cluster.DisposeAsync();
}

/// <summary>What we rely on from Orleans between silos: one activation per grain whoever calls, calls and exceptions across
/// silos, the placement attributes of our grains, reminders.</summary>
public sealed class RoutingTests(ThreeSilos silos) : IClassFixture<ThreeSilos>
{
    private static string Key() => Guid.NewGuid().ToString("N");

    [Fact]
    public async Task A_grain_answers_from_one_silo_whichever_silo_calls_it()
    {
        var key = Key();
        var served = new List<Served>();
        for (var i = 0; i < 9; i++) { served.Add(await silos[i % 3].Grains().GetGrain<ICounterGrain>(key).Increment().Within()); }

        Assert.Single(served.Select(s => s.Activation).Distinct());
        Assert.Single(served.Select(s => s.Silo).Distinct());
        Assert.Equal(Enumerable.Range(1, 9).Select(i => (long)i), served.Select(s => s.Value));
    }

    [Fact]
    public async Task Concurrent_first_calls_from_every_silo_create_exactly_one_activation()
    {
        var key = Key();
        var calls = Enumerable.Range(0, 60).Select(i => Task.Run(() => silos[i % 3].Grains().GetGrain<ICounterGrain>(key).Increment())).ToArray();
        var served = await Task.WhenAll(calls).Within();

        Assert.Single(served.Select(s => s.Activation).Distinct());
        Assert.Equal(Enumerable.Range(1, 60).Select(i => (long)i), served.Select(s => s.Value).Order());
    }

    [Fact]
    public async Task Random_placement_spreads_grains_over_the_silos()
    {
        var placed = new HashSet<string>();
        for (var i = 0; i < 60; i++) { placed.Add(await silos[0].Grains().GetGrain<IPingGrain>(Random.Shared.NextInt64()).Silo().Within()); }

        Assert.Equal(3, placed.Count);
    }

    [Fact]
    public async Task Hash_placement_puts_a_grain_on_the_same_silo_whoever_calls_first()
    {
        var placed = new HashSet<string>();
        for (var i = 0; i < 30; i++)
        {
            var key = Key();
            var first = await silos[i % 3].Grains().GetGrain<IHashedGrain>(key).Silo().Within();
            await silos.Cluster.DeactivateAsync(silos[0].Grains().GetGrain<IHashedGrain>(key));
            Assert.Equal(first, await silos[(i + 1) % 3].Grains().GetGrain<IHashedGrain>(key).Silo().Within());
            placed.Add(first);
        }
        Assert.Equal(3, placed.Count);
    }

    [Fact]
    public async Task Prefer_local_placement_activates_on_the_calling_silo()
    {
        for (var silo = 0; silo < 3; silo++)
        {
            Assert.Equal(silos[silo].Address(), await silos[silo].Grains().GetGrain<ILocalGrain>(Key()).Silo().Within());
        }
    }

    [Fact]
    public async Task A_call_chain_crosses_silos_and_comes_back()
    {
        var keys = await Task.WhenAll(Enumerable.Range(0, 3).Select(_ => RemoteKeyAsync(from: 0)));
        Assert.Equal(string.Join('>', keys), await silos[0].Grains().GetGrain<ICounterGrain>(keys[0]).Follow(keys[1..]).Within());
        Assert.Equal(0, (await silos[0].Grains().GetGrain<ICounterGrain>(keys[0]).Relay(keys[2])).Value);
    }

    [Fact]
    public async Task A_grain_exception_crosses_silos_with_its_type_and_message()
    {
        var remote = await RemoteKeyAsync(from: 0);
        var error = await Assert.ThrowsAsync<InvalidOperationException>(() => silos[0].Grains().GetGrain<ICounterGrain>(remote).Fail("boom far away").Within());
        Assert.Equal("boom far away", error.Message);
    }

    [Fact]
    public async Task Reminders_fire_every_period()
    {
        var keys = Enumerable.Range(0, 6).Select(_ => Key()).ToArray();
        foreach (var key in keys) { await silos[0].Grains().GetGrain<IAlarmGrain>(key).Set(TimeSpan.FromMilliseconds(200)).Within(); }

        await Eventually.True(() => keys.All(k => AlarmGrain.Ticks.TryGetValue(k, out var q) && q.Count >= 3), "every alarm ticked three times");
    }

    /// <summary>A counter key whose grain lives on a silo other than <paramref name="from"/>.</summary>
    private async Task<string> RemoteKeyAsync(int from)
    {
        while (true)
        {
            var key = Key();
            if ((await silos[from].Grains().GetGrain<ICounterGrain>(key).Get().Within()).Silo != silos[from].Address()) { return key; }
        }
    }
}
