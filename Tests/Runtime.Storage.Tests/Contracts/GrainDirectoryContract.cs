using Rayswarm.Runtime.Core;

namespace Rayswarm.Runtime.Storage.Tests;

/// <summary>What every grain directory must do: one row per grain, take-over only of the expected row.</summary>
public abstract class GrainDirectoryContract : IAsyncLifetime
{
    private static readonly SiloAddress s_a = new("127.0.0.1", 11111, 1);
    private static readonly SiloAddress s_b = new("127.0.0.1", 11112, 1);

    protected static CancellationToken None => CancellationToken.None;

    public virtual Task InitializeAsync() => Task.CompletedTask;

    public virtual Task DisposeAsync() => Task.CompletedTask;

    protected abstract Task<IGrainDirectory> CreateAsync();

    private async Task<IGrainDirectory> OpenAsync()
    {
        var directory = await CreateAsync();
        await directory.InitializeAsync(None);
        return directory;
    }

    [Fact]
    public async Task The_first_registration_wins_and_later_ones_get_the_winner()
    {
        var directory = await OpenAsync();
        var grain = TestGrains.Unique();
        var first = new GrainAddress(grain, s_a, 1);

        Assert.Equal(first, await directory.RegisterAsync(first, null, None));
        Assert.Equal(first, await directory.RegisterAsync(new GrainAddress(grain, s_b, 2), null, None));
        Assert.Equal(first, await directory.LookupAsync(grain, None));
    }

    [Fact]
    public async Task Concurrent_registrations_of_one_grain_agree_on_exactly_one_winner()
    {
        var directory = await OpenAsync();
        var grain = TestGrains.Unique();
        var attempts = Enumerable.Range(1, 8).Select(i => new GrainAddress(grain, i % 2 == 0 ? s_a : s_b, i)).ToArray();

        var results = await Task.WhenAll(attempts.Select(a => Task.Run(() => directory.RegisterAsync(a, null, None))));

        Assert.Single(results.Distinct());
        Assert.Contains(results[0], attempts);
        Assert.Equal(results[0], await directory.LookupAsync(grain, None));
    }

    [Fact]
    public async Task Taking_over_needs_the_exact_current_row()
    {
        var directory = await OpenAsync();
        var grain = TestGrains.Unique();
        var dead = new GrainAddress(grain, s_a, 1);
        await directory.RegisterAsync(dead, null, None);
        var successor = new GrainAddress(grain, s_b, 2);

        Assert.Equal(dead, await directory.RegisterAsync(successor, new GrainAddress(grain, s_a, 99), None));
        Assert.Equal(successor, await directory.RegisterAsync(successor, dead, None));
        Assert.Equal(successor, await directory.RegisterAsync(new GrainAddress(grain, s_a, 3), dead, None));
    }

    [Fact]
    public async Task Unregister_removes_only_the_same_activation()
    {
        var directory = await OpenAsync();
        var grain = TestGrains.Unique();
        var address = new GrainAddress(grain, s_a, 1);
        await directory.RegisterAsync(address, null, None);

        await directory.UnregisterAsync(new GrainAddress(grain, s_a, 2), None);
        Assert.Equal(address, await directory.LookupAsync(grain, None));
        await directory.UnregisterAsync(address, None);
        Assert.Null(await directory.LookupAsync(grain, None));
    }

    [Fact]
    public async Task Unregistering_a_silo_removes_all_its_rows_and_nothing_else()
    {
        var directory = await OpenAsync();
        var mine = Enumerable.Range(0, 5).Select(i => new GrainAddress(TestGrains.Unique(), s_a, i)).ToArray();
        var other = new GrainAddress(TestGrains.Unique(), s_b, 1);
        foreach (var a in mine.Append(other)) { await directory.RegisterAsync(a, null, None); }

        Assert.Equal(5, await directory.UnregisterSiloAsync(s_a, None));
        foreach (var a in mine) { Assert.Null(await directory.LookupAsync(a.GrainId, None)); }
        Assert.Equal(other, await directory.LookupAsync(other.GrainId, None));
    }
}
