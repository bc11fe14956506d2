using Rayswarm.Runtime.Core;

namespace Rayswarm.Runtime.Membership.Tests;

public sealed class DeathVotesTests
{
    private static readonly DateTimeOffset Now = new(2026, 1, 1, 0, 0, 0, TimeSpan.Zero);
    private static readonly MembershipOptions Options = new();

    [Theory]
    [InlineData(1, 1)]
    [InlineData(2, 1)]
    [InlineData(3, 2)]
    [InlineData(5, 2)]
    public void The_votes_needed_are_capped_by_the_other_Active_silos(int activeSilos, int needed)
    {
        var silos = Enumerable.Range(0, activeSilos).Select(_ => TestCluster.NewAddress()).ToArray();
        var snapshot = Snapshot(silos.Select(s => Row(s, SiloStatus.Active)).Append(Row(TestCluster.NewAddress(), SiloStatus.Joining)).ToArray());

        Assert.Equal(needed, DeathVotes.Needed(snapshot, silos[0], Options));
    }

    [Fact]
    public void In_a_cluster_of_two_the_first_vote_declares_the_other_Dead()
    {
        var (voter, suspect) = (TestCluster.NewAddress(), TestCluster.NewAddress());
        var snapshot = Snapshot(Row(voter, SiloStatus.Active), Row(suspect, SiloStatus.Active));

        var voted = DeathVotes.AddVote(snapshot, snapshot.Find(suspect)!, voter, Now, Options);

        Assert.Equal(SiloStatus.Dead, voted.Status);
        Assert.Equal(voter, Assert.Single(voted.Suspicions).By);
    }

    [Fact]
    public void Expired_votes_do_not_count_and_are_dropped()
    {
        var (a, b, suspect) = (TestCluster.NewAddress(), TestCluster.NewAddress(), TestCluster.NewAddress());
        var expired = new Suspicion(a, Now - Options.SuspicionExpiry - TimeSpan.FromMilliseconds(1));
        var snapshot = Snapshot(Row(a, SiloStatus.Active), Row(b, SiloStatus.Active), Row(suspect, SiloStatus.Active, expired));

        var voted = DeathVotes.AddVote(snapshot, snapshot.Find(suspect)!, b, Now, Options);

        Assert.Equal(SiloStatus.Active, voted.Status);
        Assert.Equal(b, Assert.Single(voted.Suspicions).By);
    }

    [Fact]
    public void A_fresh_vote_of_another_silo_plus_this_one_declares_Dead()
    {
        var (a, b, suspect) = (TestCluster.NewAddress(), TestCluster.NewAddress(), TestCluster.NewAddress());
        var snapshot = Snapshot(Row(a, SiloStatus.Active), Row(b, SiloStatus.Active), Row(suspect, SiloStatus.Active, new Suspicion(a, Now.AddSeconds(-1))));

        var voted = DeathVotes.AddVote(snapshot, snapshot.Find(suspect)!, b, Now, Options);

        Assert.Equal(SiloStatus.Dead, voted.Status);
        Assert.Equal(2, voted.Suspicions.Count);
    }

    [Fact]
    public void A_second_vote_of_the_same_silo_refreshes_its_first_and_does_not_count_twice()
    {
        var (a, b, suspect) = (TestCluster.NewAddress(), TestCluster.NewAddress(), TestCluster.NewAddress());
        var snapshot = Snapshot(Row(a, SiloStatus.Active), Row(b, SiloStatus.Active), Row(suspect, SiloStatus.Active, new Suspicion(a, Now.AddSeconds(-1))));

        var voted = DeathVotes.AddVote(snapshot, snapshot.Find(suspect)!, a, Now, Options);

        Assert.Equal(SiloStatus.Active, voted.Status);
        Assert.Equal(new Suspicion(a, Now), Assert.Single(voted.Suspicions));
    }

    [Fact]
    public void Votes_of_silos_that_are_Dead_themselves_do_not_count()
    {
        var (a, b, gone, suspect) = (TestCluster.NewAddress(), TestCluster.NewAddress(), TestCluster.NewAddress(), TestCluster.NewAddress());
        var snapshot = Snapshot(
            Row(a, SiloStatus.Active), Row(b, SiloStatus.Active), Row(gone, SiloStatus.Dead),
            Row(suspect, SiloStatus.Active, new Suspicion(gone, Now.AddSeconds(-1))));

        var voted = DeathVotes.AddVote(snapshot, snapshot.Find(suspect)!, a, Now, Options);

        Assert.Equal(SiloStatus.Active, voted.Status);
        Assert.Equal(a, Assert.Single(voted.Suspicions).By);
    }

    private static MembershipEntry Row(SiloAddress silo, SiloStatus status, params Suspicion[] suspicions) =>
        new(silo, status, "s", Now, Now, suspicions);

    private static MembershipSnapshot Snapshot(params MembershipEntry[] rows) => new(7, rows);
}
