using System.Diagnostics;
using Rayswarm.Runtime.Core;
using Xunit.Abstractions;

namespace Rayswarm.Runtime.Membership.Tests;

/// <summary>How long the default options take to declare a silo Dead that stops answering (the time is in the output).</summary>
[Trait("Category", "Slow")]
public sealed class DefaultTimingTests(ITestOutputHelper output) : IAsyncLifetime
{
    private readonly TestCluster _cluster = new(output, new MemoryMembershipTable("defaults"), new MembershipOptions());

    public Task InitializeAsync() => Task.CompletedTask;

    public async Task DisposeAsync() => await _cluster.DisposeAsync();

    [Fact]
    public async Task With_the_default_options_a_silo_whose_probes_time_out_is_declared_Dead_within_seconds()
    {
        var silos = await _cluster.StartAsync("a", "b", "c");
        await Eventually.True(() => silos.All(s => s.ActiveSilos.Count == 3), "all see three Active");
        var (a, b, c) = (silos[0], silos[1], silos[2]);

        var watch = Stopwatch.StartNew();
        await _cluster.KillAsync(c, hang: true);
        await Eventually.True(() => a.IsDead(c.Silo) || b.IsDead(c.Silo), "a voter declares c Dead", timeoutMs: 30_000);
        var declared = watch.Elapsed;
        await Eventually.True(() => a.IsDead(c.Silo) && b.IsDead(c.Silo), "a and b know that c is Dead", timeoutMs: 30_000);
        _cluster.Log($"default options, probes timing out: declared Dead after {declared.TotalSeconds:F2} s, known to both survivors after {watch.Elapsed.TotalSeconds:F2} s");

        Assert.Equal(2, (await _cluster.RowAsync(c.Silo))!.Suspicions.Count);
        Assert.True(watch.Elapsed < TimeSpan.FromSeconds(15), $"took {watch.Elapsed}");
    }
}
