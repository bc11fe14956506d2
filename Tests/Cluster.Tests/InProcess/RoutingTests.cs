using Rayswarm.Cluster.TestGrains;
using Rayswarm.Runtime.Abstractions;

namespace Rayswarm.Cluster.Tests;

/// <summary>Calls between silos of one in-process cluster (real TCP on loopback), sharing one cluster per class.</summary>
public sealed class RoutingTests : IAsyncLifetime
{
    private TestCluster _cluster = null!;

    public async Task InitializeAsync() => _cluster = await TestCluster.StartAsync(3);

    public async Task DisposeAsync() => await _cluster.DisposeAsync();

    private static string Key() => Guid.NewGuid().ToString("N");

    [Fact]
    public async Task A_grain_answers_from_one_silo_whichever_silo_calls_it()
    {
        var key = Key();
        var served = new List<Served>();
        for (var i = 0; i < 9; i++) { served.Add(await _cluster.Grains(i % 3).GetGrain<ICounterGrain>(key).Increment().Within()); }

        Assert.Single(served.Select(s => s.Activation).Distinct());
        Assert.Single(served.Select(s => s.Silo).Distinct());
        Assert.Equal(Enumerable.Range(1, 9).Select(i => (long)i), served.Select(s => s.Value));
    }

    [Fact]
    public async Task Random_placement_spreads_grains_over_the_silos()
    {
        var silos = new HashSet<string>();
        for (var i = 0; i < 60; i++) { silos.Add((await _cluster.Grains(0).GetGrain<ICounterGrain>(Key()).Get().Within()).Silo); }

        Assert.Equal(3, silos.Count);
    }

    [Fact]
    public async Task Concurrent_first_calls_from_every_silo_create_exactly_one_activation()
    {
        var key = Key();
        var calls = Enumerable.Range(0, 60).Select(i => Task.Run(() => _cluster.Grains(i % 3).GetGrain<ICounterGrain>(key).Increment())).ToArray();
        var served = await Task.WhenAll(calls).Within();

        Assert.Single(served.Select(s => s.Activation).Distinct());
        Assert.Equal(Enumerable.Range(1, 60).Select(i => (long)i), served.Select(s => s.Value).Order());
    }

    [Fact]
    public async Task Hash_placement_puts_a_grain_on_the_same_silo_whoever_calls_first()
    {
        var silos = new HashSet<string>();
        for (var i = 0; i < 30; i++)
        {
            var key = Key();
            var first = await _cluster.Grains(i % 3).GetGrain<IHashedGrain>(key).Silo().Within();
            Assert.Equal(first, await _cluster.Grains((i + 1) % 3).GetGrain<IHashedGrain>(key).Silo().Within());
            silos.Add(first);
        }
        Assert.Equal(3, silos.Count);
    }

    [Fact]
    public async Task Prefer_local_placement_activates_on_the_calling_silo()
    {
        for (var silo = 0; silo < 3; silo++)
        {
            Assert.Equal(_cluster.Address(silo), await _cluster.Grains(silo).GetGrain<ILocalGrain>(Key()).Silo().Within());
        }
    }

    [Fact]
    public async Task A_call_sent_to_a_stale_location_is_forwarded_to_where_the_grain_now_lives()
    {
        var key = Key();
        Assert.Equal(_cluster.Address(1), await _cluster.Grains(1).GetGrain<ILocalGrain>(key).Silo().Within());
        Assert.Equal(_cluster.Address(1), await _cluster.Grains(0).GetGrain<ILocalGrain>(key).Silo().Within()); // silo 0 now caches silo 1

        await _cluster.Grains(1).GetGrain<ILocalGrain>(key).Deactivate().Within();
        await Eventually.True(() => _cluster.Directory.LookupAsync(new GrainId("LocalGrain", key), default).Result is null, "deactivated");
        Assert.Equal(_cluster.Address(2), await _cluster.Grains(2).GetGrain<ILocalGrain>(key).Silo().Within()); // reactivated on silo 2

        Assert.Equal(_cluster.Address(2), await _cluster.Grains(0).GetGrain<ILocalGrain>(key).Silo().Within());
        Assert.Equal(_cluster.Address(2), await _cluster.Grains(0).GetGrain<ILocalGrain>(key).Silo().Within());
    }

    [Fact]
    public async Task A_call_cycle_across_silos_fails_at_once_naming_the_cycle()
    {
        string a = Key(), b = Key(), c = Key();
        var error = await Assert.ThrowsAsync<DeadlockException>(() => _cluster.Grains(0).GetGrain<ICounterGrain>(a).Follow([b, c, a]).Within(10_000));

        Assert.Contains($"CounterGrain/{a} -> CounterGrain/{b} -> CounterGrain/{c} -> CounterGrain/{a}", error.Message);
    }

    [Fact]
    public async Task A_grain_exception_crosses_silos_with_its_type_and_message()
    {
        var remote = await RemoteKeyAsync(from: 0);
        var error = await Assert.ThrowsAsync<InvalidOperationException>(() => _cluster.Grains(0).GetGrain<ICounterGrain>(remote).Fail("boom far away").Within());
        Assert.Equal("boom far away", error.Message);
    }

    /// <summary>A counter key whose grain lives on a silo other than <paramref name="from"/>.</summary>
    private async Task<string> RemoteKeyAsync(int from)
    {
        while (true)
        {
            var key = Key();
            if ((await _cluster.Grains(from).GetGrain<ICounterGrain>(key).Get().Within()).Silo != _cluster.Address(from)) { return key; }
        }
    }
}
