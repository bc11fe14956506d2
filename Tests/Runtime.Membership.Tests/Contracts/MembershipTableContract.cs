using Rayswarm.Runtime.Core;

namespace Rayswarm.Runtime.Membership.Tests;

/// <summary>The <see cref="IMembershipTable"/> contract, run against every table. Times compare at millisecond precision.</summary>
public abstract partial class MembershipTableContract : IAsyncLifetime
{
    // Not UTC and not a whole millisecond, to check that tables normalize both.
    private static readonly DateTimeOffset Start = new DateTimeOffset(2026, 3, 4, 5, 6, 7, 891, TimeSpan.FromHours(2)).AddTicks(2345);

    private readonly List<IMembershipTable> _opened = [];

    protected static CancellationToken None => CancellationToken.None;

    /// <summary>
    /// A table of <paramref name="clusterId"/> over this test's store (fresh for every test). A second call is a restart:
    /// a new instance on the same data (the in-memory table, whose data is the instance, returns the same one per cluster).
    /// </summary>
    protected abstract Task<IMembershipTable> CreateTableAsync(string clusterId);

    /// <inheritdoc />
    public virtual Task InitializeAsync() => Task.CompletedTask;

    /// <inheritdoc />
    public virtual async Task DisposeAsync()
    {
        foreach (var table in _opened.Distinct())
        {
            if (table is IAsyncDisposable disposable) { await disposable.DisposeAsync(); }
        }
    }

    [Fact]
    public async Task A_new_table_is_at_version_0_with_no_rows()
    {
        var table = await OpenAsync();

        var snapshot = await table.ReadAllAsync(None);

        Assert.Equal(0, snapshot.Version);
        Assert.Empty(snapshot.Entries);
    }

    [Fact]
    public async Task Insert_then_read_round_trips_the_row_and_bumps_the_version()
    {
        var table = await OpenAsync();
        var voter = TestCluster.NewAddress();
        var entry = Entry(TestCluster.NewAddress(), SiloStatus.Joining) with
        {
            Name = "silo-1 ünïcode",
            Suspicions = [new Suspicion(voter, Start.AddSeconds(3)), new Suspicion(TestCluster.NewAddress(), Start.AddSeconds(4))],
        };

        Assert.True(await table.TryInsertAsync(entry, 0, None));

        var snapshot = await table.ReadAllAsync(None);
        Assert.Equal(1, snapshot.Version);
        AssertSameRow(entry, Assert.Single(snapshot.Entries));
    }

    [Fact]
    public async Task Insert_with_a_stale_version_fails_and_changes_nothing()
    {
        var table = await OpenAsync();
        var first = Entry(TestCluster.NewAddress(), SiloStatus.Active);
        Assert.True(await table.TryInsertAsync(first, 0, None));

        Assert.False(await table.TryInsertAsync(Entry(TestCluster.NewAddress(), SiloStatus.Joining), 0, None));
        Assert.False(await table.TryInsertAsync(Entry(TestCluster.NewAddress(), SiloStatus.Joining), 5, None));

        var snapshot = await table.ReadAllAsync(None);
        Assert.Equal(1, snapshot.Version);
        Assert.Equal([first.Silo], snapshot.Entries.Select(e => e.Silo));
    }

    [Fact]
    public async Task Insert_of_a_silo_that_has_a_row_fails_and_changes_nothing()
    {
        var table = await OpenAsync();
        var entry = Entry(TestCluster.NewAddress(), SiloStatus.Active);
        Assert.True(await table.TryInsertAsync(entry, 0, None));

        Assert.False(await table.TryInsertAsync(entry with { Status = SiloStatus.Joining, Name = "other" }, 1, None));

        var snapshot = await table.ReadAllAsync(None);
        Assert.Equal(1, snapshot.Version);
        AssertSameRow(entry, Assert.Single(snapshot.Entries));
    }

    [Fact]
    public async Task Update_with_the_current_version_replaces_status_and_suspicions_and_bumps_the_version()
    {
        var table = await OpenAsync();
        var entry = Entry(TestCluster.NewAddress(), SiloStatus.Joining);
        await table.TryInsertAsync(entry, 0, None);
        var updated = entry with
        {
            Status = SiloStatus.Dead,
            IAmAliveAt = Start.AddMinutes(1),
            Suspicions = [new Suspicion(TestCluster.NewAddress(), Start.AddSeconds(30))],
        };

        Assert.True(await table.TryUpdateAsync(updated, 1, None));

        var snapshot = await table.ReadAllAsync(None);
        Assert.Equal(2, snapshot.Version);
        AssertSameRow(updated, Assert.Single(snapshot.Entries));
    }

    [Fact]
    public async Task Update_with_a_stale_version_fails_and_changes_nothing()
    {
        var table = await OpenAsync();
        var entry = Entry(TestCluster.NewAddress(), SiloStatus.Active);
        await table.TryInsertAsync(entry, 0, None);
        await table.TryInsertAsync(Entry(TestCluster.NewAddress(), SiloStatus.Active), 1, None);

        Assert.False(await table.TryUpdateAsync(entry with { Status = SiloStatus.Dead }, 1, None));

        var snapshot = await table.ReadAllAsync(None);
        Assert.Equal(2, snapshot.Version);
        AssertSameRow(entry, snapshot.Find(entry.Silo)!);
    }

    [Fact]
    public async Task Update_of_a_missing_row_fails_and_keeps_the_version()
    {
        var table = await OpenAsync();

        Assert.False(await table.TryUpdateAsync(Entry(TestCluster.NewAddress(), SiloStatus.Active), 0, None));

        var snapshot = await table.ReadAllAsync(None);
        Assert.Equal(0, snapshot.Version);
        Assert.Empty(snapshot.Entries);
    }

    [Fact]
    public async Task Update_never_moves_IAmAlive_backwards()
    {
        var table = await OpenAsync();
        var entry = Entry(TestCluster.NewAddress(), SiloStatus.Active);
        await table.TryInsertAsync(entry, 0, None);
        await table.UpdateIAmAliveAsync(entry.Silo, Start.AddMinutes(5), None);

        // A peer's vote carries the I-am-alive time it read earlier.
        Assert.True(await table.TryUpdateAsync(entry with { Suspicions = [new Suspicion(TestCluster.NewAddress(), Start)] }, 1, None));

        var row = (await table.ReadAllAsync(None)).Find(entry.Silo)!;
        AssertSameMillisecond(Start.AddMinutes(5), row.IAmAliveAt);
        Assert.Single(row.Suspicions);
    }

    [Fact]
    public async Task IAmAlive_update_sets_the_time_and_keeps_the_version()
    {
        var table = await OpenAsync();
        var entry = Entry(TestCluster.NewAddress(), SiloStatus.Active);
        await table.TryInsertAsync(entry, 0, None);
        var alive = Start.AddSeconds(17).AddTicks(4321);

        await table.UpdateIAmAliveAsync(entry.Silo, alive, None);
        await table.UpdateIAmAliveAsync(TestCluster.NewAddress(), alive, None);

        var snapshot = await table.ReadAllAsync(None);
        Assert.Equal(1, snapshot.Version);
        var row = Assert.Single(snapshot.Entries);
        AssertSameMillisecond(alive, row.IAmAliveAt);
        Assert.Equal(SiloStatus.Active, row.Status);
    }

    [Fact]
    public async Task Cleanup_deletes_only_Dead_rows_older_than_the_cutoff_and_bumps_the_version()
    {
        var table = await OpenAsync();
        var oldDead = Entry(TestCluster.NewAddress(), SiloStatus.Dead) with { IAmAliveAt = Start.AddHours(-2) };
        var newDead = Entry(TestCluster.NewAddress(), SiloStatus.Dead) with { IAmAliveAt = Start };
        var oldActive = Entry(TestCluster.NewAddress(), SiloStatus.Active) with { IAmAliveAt = Start.AddHours(-2) };
        await table.TryInsertAsync(oldDead, 0, None);
        await table.TryInsertAsync(newDead, 1, None);
        await table.TryInsertAsync(oldActive, 2, None);

        await table.CleanupDeadAsync(Start.AddHours(-1), None);

        var snapshot = await table.ReadAllAsync(None);
        Assert.Equal(4, snapshot.Version);
        Assert.Equal(new[] { newDead.Silo, oldActive.Silo }.Order(SiloOrder), snapshot.Entries.Select(e => e.Silo).Order(SiloOrder));

        await table.CleanupDeadAsync(Start.AddHours(-1), None);
        Assert.Equal(4, (await table.ReadAllAsync(None)).Version);
    }

    [Fact]
    public async Task Two_cluster_ids_in_one_store_do_not_see_each_other()
    {
        var blue = await OpenAsync("blue");
        var green = await OpenAsync("green");
        var blueRow = Entry(TestCluster.NewAddress(), SiloStatus.Active);
        var greenRow = Entry(TestCluster.NewAddress(), SiloStatus.Dead) with { IAmAliveAt = Start.AddDays(-1) };
        // Even the same silo address may have a row in each.
        var shared = TestCluster.NewAddress();

        Assert.True(await blue.TryInsertAsync(blueRow, 0, None));
        Assert.True(await green.TryInsertAsync(greenRow, 0, None));
        Assert.True(await blue.TryInsertAsync(Entry(shared, SiloStatus.Active), 1, None));
        Assert.True(await green.TryInsertAsync(Entry(shared, SiloStatus.Joining), 1, None));
        await green.CleanupDeadAsync(Start, None);
        await green.UpdateIAmAliveAsync(blueRow.Silo, Start.AddDays(1), None);

        var blueSnapshot = await blue.ReadAllAsync(None);
        var greenSnapshot = await green.ReadAllAsync(None);
        Assert.Equal(2, blueSnapshot.Version);
        Assert.Equal(3, greenSnapshot.Version);
        Assert.Equal(new[] { blueRow.Silo, shared }.Order(SiloOrder), blueSnapshot.Entries.Select(e => e.Silo).Order(SiloOrder));
        AssertSameMillisecond(Start, blueSnapshot.Find(blueRow.Silo)!.IAmAliveAt);
        Assert.Equal(SiloStatus.Joining, Assert.Single(greenSnapshot.Entries).Status);
    }

    [Fact]
    public async Task Rows_survive_a_new_instance()
    {
        var entry = Entry(TestCluster.NewAddress(), SiloStatus.Active);
        var before = await OpenAsync();
        await before.TryInsertAsync(entry, 0, None);

        var after = await OpenAsync();
        await after.InitializeAsync(None);

        var snapshot = await after.ReadAllAsync(None);
        Assert.Equal(1, snapshot.Version);
        AssertSameRow(entry, Assert.Single(snapshot.Entries));
    }

    protected async Task<IMembershipTable> OpenAsync(string clusterId = "contract", bool initialize = true)
    {
        var table = await CreateTableAsync(clusterId);
        _opened.Add(table);
        if (initialize) { await table.InitializeAsync(None); }
        return table;
    }

    protected static MembershipEntry Entry(SiloAddress silo, SiloStatus status) =>
        new(silo, status, "silo-" + silo.Port, Start.AddMinutes(-1), Start, []);

    private static readonly Comparer<SiloAddress> SiloOrder = Comparer<SiloAddress>.Create((a, b) => string.CompareOrdinal(a.ToString(), b.ToString()));

    private static void AssertSameRow(MembershipEntry expected, MembershipEntry actual)
    {
        Assert.Equal(expected.Silo, actual.Silo);
        Assert.Equal(expected.Status, actual.Status);
        Assert.Equal(expected.Name, actual.Name);
        AssertSameMillisecond(expected.StartedAt, actual.StartedAt);
        AssertSameMillisecond(expected.IAmAliveAt, actual.IAmAliveAt);
        Assert.Equal(expected.Suspicions.Count, actual.Suspicions.Count);
        foreach (var (want, got) in expected.Suspicions.Zip(actual.Suspicions))
        {
            Assert.Equal(want.By, got.By);
            AssertSameMillisecond(want.At, got.At);
        }
    }

    protected static void AssertSameMillisecond(DateTimeOffset expected, DateTimeOffset actual) =>
        Assert.Equal(expected.ToUnixTimeMilliseconds(), actual.ToUnixTimeMilliseconds());
}
