using Rayswarm.Runtime.Abstractions;
using Rayswarm.Runtime.Core;

namespace Rayswarm.Runtime.Storage.Tests;

/// <summary>The <see cref="IReminderTable"/> contract, run against every provider. Times compare at millisecond precision.</summary>
public abstract partial class ReminderTableContract : IAsyncLifetime
{
    // Not UTC and not a whole millisecond, to check that stores normalize both.
    private static readonly DateTimeOffset Start = new DateTimeOffset(2026, 3, 4, 5, 6, 7, 891, TimeSpan.FromHours(2)).AddTicks(2345);
    private static readonly TimeSpan Period = TimeSpan.FromMinutes(5) + TimeSpan.FromMilliseconds(250);

    private readonly List<IReminderTable> _opened = [];

    private static CancellationToken None => CancellationToken.None;

    /// <summary>A table over this test's store. A second call is a restart: a new instance on the same data
    /// (the in-memory table, whose data is the instance, returns the same one).</summary>
    protected abstract Task<IReminderTable> CreateTableAsync();

    /// <inheritdoc />
    public virtual Task InitializeAsync() => Task.CompletedTask;

    /// <inheritdoc />
    public virtual Task DisposeAsync() => StoreDisposal.DisposeAllAsync(_opened);

    [Fact]
    public async Task Read_of_a_missing_row_returns_null()
    {
        var table = await OpenAsync();

        Assert.Null(await table.ReadAsync(TestGrains.Unique(), "missing", None));
        Assert.Empty(await table.ReadAsync(TestGrains.Unique(), None));
    }

    [Fact]
    public async Task Upsert_then_read_one_round_trips_the_row()
    {
        var table = await OpenAsync();
        var grain = TestGrains.Unique();

        var etag = await table.UpsertAsync(Entry(grain, "daily"), None);
        var row = await table.ReadAsync(grain, "daily", None);

        Assert.NotNull(row);
        Assert.Equal(grain, row.GrainId);
        Assert.Equal("daily", row.Name);
        AssertSameMillisecond(Start, row.StartAt);
        Assert.Equal(Period, row.Period);
        Assert.Null(row.LastTickAt);
        Assert.Equal(etag, row.ETag);
        Assert.Equal(grain.StableHash(), row.GrainHash);
    }

    [Fact]
    public async Task Upsert_of_an_existing_row_replaces_it_and_changes_the_etag()
    {
        var table = await OpenAsync();
        var grain = TestGrains.Unique();
        var first = await table.UpsertAsync(Entry(grain, "r"), None);
        var tickedAt = Start.AddHours(1);

        var second = await table.UpsertAsync(Entry(grain, "r") with { Period = TimeSpan.FromSeconds(30), LastTickAt = tickedAt, ETag = "ignored" }, None);

        Assert.NotEqual(first, second);
        var row = await table.ReadAsync(grain, "r", None);
        Assert.NotNull(row);
        Assert.Equal(second, row.ETag);
        Assert.Equal(TimeSpan.FromSeconds(30), row.Period);
        AssertSameMillisecond(tickedAt, row.LastTickAt!.Value);
        Assert.Single(await table.ReadAsync(grain, None));
    }

    [Fact]
    public async Task Read_of_a_grain_returns_all_its_rows_and_no_others()
    {
        var table = await OpenAsync();
        var type = TestGrains.UniqueType("Grain");
        var grain = new GrainId(type, "a");
        await table.UpsertAsync(Entry(grain, "one"), None);
        await table.UpsertAsync(Entry(grain, "two"), None);
        await table.UpsertAsync(Entry(new GrainId(type, "b"), "one"), None);
        await table.UpsertAsync(Entry(new GrainId(TestGrains.UniqueType("Other"), "a"), "one"), None);

        var rows = await table.ReadAsync(grain, None);

        Assert.Equal(["one", "two"], rows.Select(r => r.Name).Order(StringComparer.Ordinal));
        Assert.All(rows, r => Assert.Equal(grain, r.GrainId));
    }

    [Fact]
    public async Task Remove_with_the_current_etag_deletes_the_row()
    {
        var table = await OpenAsync();
        var grain = TestGrains.Unique();
        var etag = await table.UpsertAsync(Entry(grain, "r"), None);

        Assert.True(await table.RemoveAsync(grain, "r", etag, None));

        Assert.Null(await table.ReadAsync(grain, "r", None));
    }

    [Fact]
    public async Task Remove_with_a_stale_etag_returns_false_and_keeps_the_row()
    {
        var table = await OpenAsync();
        var grain = TestGrains.Unique();
        var stale = await table.UpsertAsync(Entry(grain, "r"), None);
        var current = await table.UpsertAsync(Entry(grain, "r"), None);

        Assert.False(await table.RemoveAsync(grain, "r", stale, None));
        Assert.False(await table.RemoveAsync(grain, "r", "not-an-etag", None));

        Assert.Equal(current, (await table.ReadAsync(grain, "r", None))?.ETag);
    }

    [Fact]
    public async Task Remove_with_a_null_etag_deletes_whatever_row_is_there()
    {
        var table = await OpenAsync();
        var grain = TestGrains.Unique();
        await table.UpsertAsync(Entry(grain, "r"), None);
        await table.UpsertAsync(Entry(grain, "r"), None);

        Assert.True(await table.RemoveAsync(grain, "r", null, None));

        Assert.Null(await table.ReadAsync(grain, "r", None));
    }

    [Fact]
    public async Task Remove_of_a_missing_row_returns_false()
    {
        var table = await OpenAsync();

        Assert.False(await table.RemoveAsync(TestGrains.Unique(), "r", null, None));
        Assert.False(await table.RemoveAsync(TestGrains.Unique(), "r", "1", None));
    }

    [Fact]
    public async Task RecordTick_sets_LastTickAt_and_keeps_the_etag()
    {
        var table = await OpenAsync();
        var grain = TestGrains.Unique();
        var etag = await table.UpsertAsync(Entry(grain, "r"), None);
        var tickAt = Start + (3 * Period);

        Assert.True(await table.RecordTickAsync(grain, "r", tickAt, None));

        var row = await table.ReadAsync(grain, "r", None);
        Assert.NotNull(row);
        AssertSameMillisecond(tickAt, row.LastTickAt!.Value);
        AssertSameMillisecond(Start, row.StartAt);
        Assert.Equal(etag, row.ETag);
        // The runtime unregisters with the ETag it got at registration, ticks or not.
        Assert.True(await table.RemoveAsync(grain, "r", etag, None));
    }

    [Fact]
    public async Task RecordTick_of_a_missing_row_returns_false()
    {
        var table = await OpenAsync();
        var grain = TestGrains.Unique();

        Assert.False(await table.RecordTickAsync(grain, "r", Start, None));

        Assert.Null(await table.ReadAsync(grain, "r", None));
    }

    [Fact]
    public async Task Rows_survive_a_new_instance()
    {
        var grain = TestGrains.Unique();
        var before = await OpenAsync();
        var etag = await before.UpsertAsync(Entry(grain, "r"), None);
        await before.RecordTickAsync(grain, "r", Start + Period, None);

        var after = await OpenAsync();
        await after.InitializeAsync(None);
        var row = await after.ReadAsync(grain, "r", None);

        Assert.NotNull(row);
        Assert.Equal(etag, row.ETag);
        AssertSameMillisecond(Start + Period, row.LastTickAt!.Value);
        Assert.Contains(row, await after.ReadRangeAsync(grain.StableHash(), grain.StableHash(), None));
    }

    [Fact]
    public async Task Initializing_twice_is_harmless()
    {
        var grain = TestGrains.Unique();
        var table = await OpenAsync();
        await table.InitializeAsync(None);
        var etag = await table.UpsertAsync(Entry(grain, "r"), None);

        await table.InitializeAsync(None);
        var other = await OpenAsync();
        await other.InitializeAsync(None);

        Assert.Equal(etag, (await other.ReadAsync(grain, "r", None))?.ETag);
    }

    private async Task<IReminderTable> OpenAsync()
    {
        var table = await CreateTableAsync();
        _opened.Add(table);
        return table;
    }

    private static ReminderEntry Entry(GrainId grain, string name) => new(grain, name, Start, Period, null, null);

    private static void AssertSameMillisecond(DateTimeOffset expected, DateTimeOffset actual) =>
        Assert.Equal(expected.ToUnixTimeMilliseconds(), actual.ToUnixTimeMilliseconds());
}
