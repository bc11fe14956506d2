using System.Diagnostics;
using Rayswarm.Runtime.Core;
using Xunit.Abstractions;

namespace Rayswarm.Runtime.Membership.Tests;

/// <summary>Probes, indirect probes, votes and the Dead verdict.</summary>
[Trait("Category", "Slow")]
public sealed class FailureDetectionTests(ITestOutputHelper output) : IAsyncLifetime
{
    private readonly TestCluster _cluster = new(output);

    public Task InitializeAsync() => Task.CompletedTask;

    public async Task DisposeAsync() => await _cluster.DisposeAsync();

    [Fact]
    public async Task A_killed_silo_is_declared_Dead_by_the_others_and_its_row_shows_their_votes()
    {
        var (a, b, c) = await StartThreeAsync();
        var changes = new List<MembershipChange>();
        a.Changed += (_, change) => { lock (changes) { changes.Add(change); } };

        var watch = Stopwatch.StartNew();
        await _cluster.KillAsync(c);

        await Eventually.True(() => a.IsDead(c.Silo) && b.IsDead(c.Silo), "a and b know that c is Dead");
        _cluster.Log($"c declared Dead and known to a and b after {watch.ElapsedMilliseconds} ms");
        var row = (await _cluster.RowAsync(c.Silo))!;
        Assert.Equal(SiloStatus.Dead, row.Status);
        // Two votes were needed (two other Active silos), and both survivors monitor c.
        Assert.Equal(new[] { a.Silo, b.Silo }.Select(s => s.ToString()).Order(), row.Suspicions.Select(s => s.By.ToString()).Order());
        Assert.Equal(new[] { a.Silo, b.Silo }.ToHashSet(), a.ActiveSilos.ToHashSet());
        Assert.Equal(SiloStatus.Active, (await _cluster.RowAsync(a.Silo))!.Status);
        Assert.Equal(SiloStatus.Active, (await _cluster.RowAsync(b.Silo))!.Status);

        await Eventually.True(() => { lock (changes) { return changes.Any(x => x.NewlyDead.Contains(c.Silo)); } }, "a is told that c died");
        lock (changes)
        {
            Assert.Single(changes, x => x.NewlyDead.Contains(c.Silo));
            Assert.Equal(changes.Select(x => x.Snapshot.Version).Order(), changes.Select(x => x.Snapshot.Version));
            Assert.Equal(changes.Count, changes.Select(x => x.Snapshot.Version).Distinct().Count());
        }
    }

    [Fact]
    public async Task A_silo_that_stops_answering_without_refusing_is_declared_Dead()
    {
        var (a, b, c) = await StartThreeAsync();

        await _cluster.KillAsync(c, hang: true);

        await Eventually.True(() => a.IsDead(c.Silo) && b.IsDead(c.Silo), "a and b know that c is Dead");
        Assert.Equal(2, (await _cluster.RowAsync(c.Silo))!.Suspicions.Count);
    }

    [Fact]
    public async Task A_silo_that_one_peer_cannot_reach_directly_is_not_declared_Dead_when_indirect_probes_reach_it()
    {
        var (a, b, c) = await StartThreeAsync();
        // Every direct probe from a to c is slow (times out), while b still reaches c: a's indirect probes go through b.
        _cluster.Network.SlowLink(a.Silo, c.Silo);

        // Many rounds past the point where a would have voted (MissedProbesLimit = 2) had the indirect probes failed.
        await Eventually.True(
            () => _cluster.Network.FailedDirectProbes(a.Silo, c.Silo) >= 8 && _cluster.Network.IndirectSuccesses(a.Silo, c.Silo) >= 6,
            "a has failed 8 direct probes of c and reached it 6 times through b");

        var row = (await _cluster.RowAsync(c.Silo))!;
        Assert.Equal(SiloStatus.Active, row.Status);
        Assert.Empty(row.Suspicions);
        Assert.False(a.IsDead(c.Silo));
        Assert.False(b.IsDead(c.Silo));
    }

    [Fact]
    public async Task One_slow_probe_casts_no_vote()
    {
        var (a, b, c) = await StartThreeAsync();
        _cluster.Network.SlowLink(a.Silo, c.Silo, times: 1);

        await Eventually.True(() => _cluster.Network.FailedDirectProbes(a.Silo, c.Silo) == 1, "a's probe of c was slow once");
        var probes = _cluster.Network.DirectProbes(a.Silo, c.Silo);
        await Eventually.True(() => _cluster.Network.DirectProbes(a.Silo, c.Silo) >= probes + 5, "a probes c five more times");

        var row = (await _cluster.RowAsync(c.Silo))!;
        Assert.Equal(SiloStatus.Active, row.Status);
        Assert.Empty(row.Suspicions);
        Assert.Equal(1, _cluster.Network.FailedDirectProbes(a.Silo, c.Silo));
        Assert.False(a.IsDead(c.Silo) || b.IsDead(c.Silo));
    }

    [Fact]
    public async Task In_a_cluster_of_two_one_vote_declares_the_other_Dead()
    {
        var (a, b) = (await _cluster.StartAsync("a"), await _cluster.StartAsync("b"));
        await Eventually.True(() => a.ActiveSilos.Count == 2 && b.ActiveSilos.Count == 2, "both see two Active");

        await _cluster.KillAsync(b);

        await Eventually.True(() => a.IsDead(b.Silo), "a knows that b is Dead");
        var row = (await _cluster.RowAsync(b.Silo))!;
        Assert.Equal(SiloStatus.Dead, row.Status);
        Assert.Equal(a.Silo, Assert.Single(row.Suspicions).By);
        Assert.Equal([a.Silo], a.ActiveSilos);
    }

    [Fact]
    public async Task A_running_silo_declares_Dead_a_row_whose_IAmAlive_is_stale()
    {
        var a = await _cluster.StartAsync("a");
        var stuck = TestCluster.NewAddress();
        var longAgo = DateTimeOffset.UtcNow.AddHours(-1);
        // A silo that crashed while joining: never Active, so nobody probes it.
        await _cluster.InsertRowAsync(new MembershipEntry(stuck, SiloStatus.Joining, "stuck", longAgo, longAgo, []));

        await Eventually.True(() => a.IsDead(stuck), "a declares the stale row Dead");
        Assert.Equal(a.Silo, Assert.Single((await _cluster.RowAsync(stuck))!.Suspicions).By);
    }

    private async Task<(MembershipService A, MembershipService B, MembershipService C)> StartThreeAsync()
    {
        var silos = await _cluster.StartAsync("a", "b", "c");
        foreach (var silo in silos)
        {
            await Eventually.True(() => silo.ActiveSilos.Count == 3, $"{silo.Name} sees three Active");
        }

        return (silos[0], silos[1], silos[2]);
    }
}
