using Rayswarm.Runtime.Core;
using Xunit.Abstractions;

namespace Rayswarm.Runtime.Membership.Tests;

/// <summary>A silo's own end: declared dead by the others, or leaving gracefully.</summary>
[Trait("Category", "Slow")]
public sealed class LifecycleTests(ITestOutputHelper output) : IAsyncLifetime
{
    private readonly TestCluster _cluster = new(output);

    public Task InitializeAsync() => Task.CompletedTask;

    public async Task DisposeAsync() => await _cluster.DisposeAsync();

    [Fact]
    public async Task A_silo_declared_Dead_is_told_once_stops_probing_and_cannot_become_Active_again()
    {
        var silos = await _cluster.StartAsync("a", "b", "zombie");
        var (a, b, zombie) = (silos[0], silos[1], silos[2]);
        await Eventually.True(() => silos.All(s => s.ActiveSilos.Count == 3), "all see three Active");
        var told = 0;
        zombie.OnDeclaredDead = () =>
        {
            Interlocked.Increment(ref told);
            return Task.CompletedTask;
        };
        MembershipChange? lastChange = null;
        zombie.Changed += (_, change) => lastChange = change;

        // Nobody reaches the zombie any more, but its service goes on running: it must learn its fate from the table.
        _cluster.Network.Kill(zombie.Silo);

        await Eventually.True(() => Volatile.Read(ref told) == 1, "the zombie is told it was declared Dead");
        Assert.True(zombie.IsDeclaredDead);
        Assert.True(zombie.IsDead(zombie.Silo));
        Assert.Equal(SiloStatus.Dead, lastChange?.Snapshot.Find(zombie.Silo)?.Status);

        // It stopped probing: while a goes on for many rounds, the zombie sends nothing (after a round in flight ends).
        var aBefore = _cluster.Network.ProbesSentBy(a.Silo);
        await Eventually.True(() => _cluster.Network.ProbesSentBy(a.Silo) - aBefore >= 3, "a probes three more times");
        var sentAfterDeath = _cluster.Network.ProbesSentBy(zombie.Silo);
        aBefore = _cluster.Network.ProbesSentBy(a.Silo);
        await Eventually.True(() => _cluster.Network.ProbesSentBy(a.Silo) - aBefore >= 10, "a probes ten more times");
        Assert.Equal(sentAfterDeath, _cluster.Network.ProbesSentBy(zombie.Silo));

        Assert.False(await zombie.TrySetOwnStatusAsync(SiloStatus.Active, CancellationToken.None));
        await zombie.ShutDownAsync();
        Assert.Equal(SiloStatus.Dead, (await _cluster.RowAsync(zombie.Silo))!.Status);
        Assert.Equal(1, Volatile.Read(ref told));
        Assert.Equal(new[] { a.Silo, b.Silo }.ToHashSet(), (await _cluster.Table.ReadAllAsync(CancellationToken.None)).Active.ToHashSet());
    }

    [Fact]
    public async Task Graceful_shutdown_then_leave_shows_ShuttingDown_then_Dead()
    {
        var a = await _cluster.StartAsync("a");
        var b = await _cluster.StartAsync("b");
        var seen = new List<SiloStatus>();
        var newlyDead = new List<SiloAddress>();
        a.Changed += (_, change) =>
        {
            lock (seen)
            {
                if (change.Snapshot.Find(b.Silo)?.Status is { } status && (seen.Count == 0 || seen[^1] != status)) { seen.Add(status); }
                newlyDead.AddRange(change.NewlyDead);
            }
        };
        var told = false;
        b.OnDeclaredDead = () =>
        {
            told = true;
            return Task.CompletedTask;
        };
        await Eventually.True(() => a.ActiveSilos.Contains(b.Silo), "a sees b Active");

        await b.ShutDownAsync();
        Assert.Equal(SiloStatus.ShuttingDown, (await _cluster.RowAsync(b.Silo))!.Status);
        await Eventually.True(() => a.Current.Find(b.Silo)?.Status == SiloStatus.ShuttingDown, "a sees b ShuttingDown");
        Assert.DoesNotContain(b.Silo, a.ActiveSilos);

        await b.LeaveAsync();
        Assert.Equal(SiloStatus.Dead, (await _cluster.RowAsync(b.Silo))!.Status);
        await Eventually.True(() => { lock (seen) { return seen.Contains(SiloStatus.Dead); } }, "a is told that b is Dead");

        lock (seen)
        {
            Assert.Equal([SiloStatus.ShuttingDown, SiloStatus.Dead], seen.SkipWhile(s => s == SiloStatus.Active));
            Assert.Equal([b.Silo], newlyDead);
        }

        Assert.Empty((await _cluster.RowAsync(b.Silo))!.Suspicions);
        Assert.False(told);
        Assert.False(b.IsDeclaredDead);
        Assert.Equal([a.Silo], a.ActiveSilos);
    }
}
