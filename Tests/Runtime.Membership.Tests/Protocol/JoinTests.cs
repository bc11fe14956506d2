using System.Diagnostics;
using Rayswarm.Runtime.Core;
using Xunit.Abstractions;

namespace Rayswarm.Runtime.Membership.Tests;

/// <summary>Joining: rows, probes at join, stale and dead rows left by crashed silos.</summary>
[Trait("Category", "Slow")]
public sealed class JoinTests(ITestOutputHelper output) : IAsyncLifetime
{
    private readonly TestCluster _cluster = new(output);

    public Task InitializeAsync() => Task.CompletedTask;

    public async Task DisposeAsync() => await _cluster.DisposeAsync();

    [Fact]
    public async Task Three_silos_join_and_each_sees_three_Active()
    {
        var silos = await _cluster.StartAsync("a", "b", "c");
        var addresses = silos.Select(s => s.Silo).ToHashSet();

        foreach (var silo in silos)
        {
            await Eventually.True(() => silo.ActiveSilos.ToHashSet().SetEquals(addresses), $"{silo.Name} sees a, b and c Active");
        }

        var snapshot = await _cluster.Table.ReadAllAsync(CancellationToken.None);
        Assert.Equal(3, snapshot.Entries.Count);
        Assert.All(snapshot.Entries, e => Assert.Equal(SiloStatus.Active, e.Status));
        Assert.All(snapshot.Entries, e => Assert.Empty(e.Suspicions));
        Assert.Equal(["a", "b", "c"], snapshot.Entries.Select(e => e.Name).Order());
        Assert.All(silos, s => Assert.False(s.IsDead(s.Silo)));
    }

    [Fact]
    public async Task A_joining_silo_probes_the_Active_silos_before_it_is_Active()
    {
        var a = await _cluster.StartAsync("a");
        var b = _cluster.Create("b");
        var statuses = new List<SiloStatus?>();
        a.Changed += (_, change) => { lock (statuses) { statuses.Add(change.Snapshot.Find(b.Silo)?.Status); } };

        await b.JoinAsync(CancellationToken.None).Within();

        Assert.True(_cluster.Network.DirectProbes(b.Silo, a.Silo) >= 1);
        await Eventually.True(() => { lock (statuses) { return statuses.Contains(SiloStatus.Active); } }, "a is told that b is Active");
        lock (statuses)
        {
            // a learned of b at most once per version; Joining, if seen at all, came before Active.
            var seen = statuses.OfType<SiloStatus>().Distinct().ToArray();
            Assert.Equal(SiloStatus.Active, seen[^1]);
            Assert.DoesNotContain(SiloStatus.Dead, seen);
        }
    }

    [Fact]
    public async Task A_joining_silo_declares_a_stale_row_Dead_without_probing_it_and_joins_promptly()
    {
        var crashed = TestCluster.NewAddress();
        var longAgo = DateTimeOffset.UtcNow.AddHours(-1);
        // Left Active by a silo that crashed an hour ago; whoever probed it would wait for the timeout.
        await _cluster.InsertRowAsync(new MembershipEntry(crashed, SiloStatus.Active, "crashed", longAgo, longAgo, []));
        _cluster.Network.Kill(crashed, hang: true);

        var watch = Stopwatch.StartNew();
        var joiner = await _cluster.StartAsync("joiner");
        _cluster.Log($"joined in {watch.ElapsedMilliseconds} ms");

        var row = await _cluster.RowAsync(crashed);
        Assert.Equal(SiloStatus.Dead, row!.Status);
        Assert.Equal(joiner.Silo, Assert.Single(row.Suspicions).By);
        Assert.Equal(0, _cluster.Network.ProbesTo(crashed));
        Assert.True(joiner.IsDead(crashed));
        Assert.Equal([joiner.Silo], joiner.ActiveSilos);
    }

    [Fact]
    public async Task Join_does_not_hang_on_a_fresh_Active_row_of_a_silo_that_does_not_answer()
    {
        var a = await _cluster.StartAsync("a");
        var crashed = TestCluster.NewAddress();
        var now = DateTimeOffset.UtcNow;
        // Crashed a moment ago: its row is Active and fresh, and probes to it hang until their timeout.
        _cluster.Network.Kill(crashed, hang: true);
        await _cluster.InsertRowAsync(new MembershipEntry(crashed, SiloStatus.Active, "crashed", now, now, []));

        var watch = Stopwatch.StartNew();
        var joiner = await _cluster.StartAsync("joiner");
        _cluster.Log($"joined in {watch.ElapsedMilliseconds} ms");

        Assert.Contains(joiner.Silo, joiner.ActiveSilos);
        await Eventually.True(async () => (await _cluster.RowAsync(crashed))?.Status == SiloStatus.Dead, "the crashed silo is declared Dead");
        await Eventually.True(() => a.IsDead(crashed) && joiner.IsDead(crashed), "both silos know it is Dead");
        Assert.Equal(SiloStatus.Active, (await _cluster.RowAsync(a.Silo))!.Status);
    }

    [Fact]
    public async Task A_silo_whose_row_is_Dead_cannot_join_again()
    {
        var a = await _cluster.StartAsync("a");
        var left = await _cluster.StartAsync("left");
        await left.LeaveAsync();

        // A second incarnation with the same generation (a zombie that missed its death) must not come back.
        var zombie = _cluster.Create("zombie", left.Silo);
        var error = await Assert.ThrowsAsync<InvalidOperationException>(() => zombie.JoinAsync(CancellationToken.None).Within());

        Assert.Contains("Dead", error.Message, StringComparison.Ordinal);
        Assert.Equal(SiloStatus.Dead, (await _cluster.RowAsync(left.Silo))!.Status);
        Assert.False(await left.TrySetOwnStatusAsync(SiloStatus.Active, CancellationToken.None));
        Assert.Equal(SiloStatus.Dead, (await _cluster.RowAsync(left.Silo))!.Status);
        Assert.Equal([a.Silo], (await _cluster.Table.ReadAllAsync(CancellationToken.None)).Active);
    }
}
