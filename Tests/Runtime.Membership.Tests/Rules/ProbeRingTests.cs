using Rayswarm.Runtime.Core;

namespace Rayswarm.Runtime.Membership.Tests;

public sealed class ProbeRingTests
{
    private static readonly DateTimeOffset Now = new(2026, 1, 1, 0, 0, 0, TimeSpan.Zero);

    [Theory]
    [InlineData(1, 3)]
    [InlineData(2, 3)]
    [InlineData(4, 3)]
    [InlineData(10, 3)]
    [InlineData(10, 1)]
    public void Every_monitored_silo_is_probed_by_as_many_others_as_the_ring_allows(int silos, int probed)
    {
        var snapshot = Snapshot(Enumerable.Range(0, silos).Select(_ => (TestCluster.NewAddress(), SiloStatus.Active)).ToArray());

        var probes = snapshot.Entries.SelectMany(e => ProbeRing.Successors(snapshot, e.Silo, probed).Select(t => (By: e.Silo, Target: t))).ToArray();

        var expected = Math.Min(probed, silos - 1);
        Assert.All(snapshot.Entries, e => Assert.Equal(expected, probes.Count(p => p.Target == e.Silo)));
        Assert.All(probes, p => Assert.NotEqual(p.By, p.Target));
        Assert.Equal(probes.Length, probes.Distinct().Count());
    }

    [Fact]
    public void The_ring_is_the_same_whatever_the_order_of_the_rows()
    {
        var rows = Enumerable.Range(0, 6).Select(_ => (TestCluster.NewAddress(), SiloStatus.Active)).ToArray();
        var self = rows[2].Item1;

        var forward = ProbeRing.Successors(Snapshot(rows), self, 3);
        var backward = ProbeRing.Successors(Snapshot(rows.Reverse().ToArray()), self, 3);

        Assert.Equal(forward, backward);
    }

    [Fact]
    public void Joining_and_Dead_silos_are_not_probed_but_ShuttingDown_ones_are()
    {
        var self = TestCluster.NewAddress();
        var shuttingDown = TestCluster.NewAddress();
        var snapshot = Snapshot(
            (self, SiloStatus.Active),
            (TestCluster.NewAddress(), SiloStatus.Joining),
            (TestCluster.NewAddress(), SiloStatus.Dead),
            (shuttingDown, SiloStatus.ShuttingDown));

        Assert.Equal([shuttingDown], ProbeRing.Successors(snapshot, self, 3));
    }

    [Fact]
    public void A_silo_not_yet_Active_still_finds_its_successors()
    {
        var self = TestCluster.NewAddress();
        var others = Enumerable.Range(0, 2).Select(_ => TestCluster.NewAddress()).ToArray();
        var snapshot = Snapshot((self, SiloStatus.Joining), (others[0], SiloStatus.Active), (others[1], SiloStatus.Active));

        Assert.Equal(others.ToHashSet(), ProbeRing.Successors(snapshot, self, 3).ToHashSet());
    }

    private static MembershipSnapshot Snapshot(params (SiloAddress Silo, SiloStatus Status)[] rows) =>
        new(1, rows.Select(r => new MembershipEntry(r.Silo, r.Status, "s", Now, Now, [])).ToArray());
}
