using Rayswarm.Grains.Providers.Tests.Storage;

namespace Rayswarm.Grains.Providers.Tests.Reminders;

/// <summary>The <see cref="IReminderTable"/> contract of the SQLite table: rows by grain, upserts and ETag-checked removals.</summary>
public sealed class SqliteReminderTableTests(SqliteFile file) : IClassFixture<SqliteFile>
{
    [Fact]
    public async Task Reads_of_missing_rows_return_nothing()
    {
        var table = ReminderTableUnderTest.Open(file.Path);

        Assert.Null(await table.ReadRow(TestGrainIds.Unique(), "missing"));
        Assert.Empty((await table.ReadRows(TestGrainIds.Unique())).Reminders);
    }

    [Fact]
    public async Task Upsert_then_read_round_trips_the_row()
    {
        var table = ReminderTableUnderTest.Open(file.Path);
        var grain = TestGrainIds.Unique();

        var etag = await table.UpsertRow(ReminderTableUnderTest.Entry(grain, "daily"));
        var row = await table.ReadRow(grain, "daily");

        Assert.NotNull(row);
        Assert.Equal(grain, row.GrainId);
        Assert.Equal("daily", row.ReminderName);
        Assert.Equal(ReminderTableUnderTest.Start, row.StartAt);
        Assert.Equal(DateTimeKind.Utc, row.StartAt.Kind);
        Assert.Equal(ReminderTableUnderTest.Period, row.Period);
        Assert.NotNull(etag);
        Assert.Equal(etag, row.ETag);
    }

    [Fact]
    public async Task Upsert_of_an_existing_row_replaces_it_with_a_new_etag()
    {
        var table = ReminderTableUnderTest.Open(file.Path);
        var grain = TestGrainIds.Unique();
        var first = await table.UpsertRow(ReminderTableUnderTest.Entry(grain, "r"));
        var later = ReminderTableUnderTest.Start.AddHours(1);

        var entry = ReminderTableUnderTest.Entry(grain, "r");
        entry.StartAt = later;
        entry.Period = TimeSpan.FromSeconds(30);
        entry.ETag = "ignored";
        var second = await table.UpsertRow(entry);

        Assert.NotEqual(first, second);
        var row = Assert.Single((await table.ReadRows(grain)).Reminders);
        Assert.Equal((second, later, TimeSpan.FromSeconds(30)), (row.ETag, row.StartAt, row.Period));
    }

    [Fact]
    public async Task Read_of_a_grain_returns_all_its_rows_and_no_others()
    {
        var table = ReminderTableUnderTest.Open(file.Path);
        var type = TestGrainIds.UniqueType("grain");
        var grain = GrainId.Create(type, "a");
        await table.UpsertRow(ReminderTableUnderTest.Entry(grain, "one"));
        await table.UpsertRow(ReminderTableUnderTest.Entry(grain, "two"));
        await table.UpsertRow(ReminderTableUnderTest.Entry(GrainId.Create(type, "b"), "one"));
        await table.UpsertRow(ReminderTableUnderTest.Entry(GrainId.Create(TestGrainIds.UniqueType("other"), "a"), "one"));

        var rows = (await table.ReadRows(grain)).Reminders;

        Assert.Equal(["one", "two"], rows.Select(r => r.ReminderName).Order());
        Assert.All(rows, r => Assert.Equal(grain, r.GrainId));
    }

    [Fact]
    public async Task Remove_with_the_current_etag_deletes_the_row()
    {
        var table = ReminderTableUnderTest.Open(file.Path);
        var grain = TestGrainIds.Unique();
        var etag = await table.UpsertRow(ReminderTableUnderTest.Entry(grain, "r"));

        Assert.True(await table.RemoveRow(grain, "r", etag!));

        Assert.Null(await table.ReadRow(grain, "r"));
    }

    [Fact]
    public async Task Remove_with_a_wrong_etag_returns_false_and_keeps_the_row()
    {
        var table = ReminderTableUnderTest.Open(file.Path);
        var grain = TestGrainIds.Unique();
        var stale = await table.UpsertRow(ReminderTableUnderTest.Entry(grain, "r"));
        var current = await table.UpsertRow(ReminderTableUnderTest.Entry(grain, "r"));

        Assert.False(await table.RemoveRow(grain, "r", stale!));
        Assert.False(await table.RemoveRow(grain, "r", "not-an-etag"));

        Assert.Equal(current, (await table.ReadRow(grain, "r"))?.ETag);
    }

    [Fact]
    public async Task Remove_of_a_missing_row_returns_false()
    {
        var table = ReminderTableUnderTest.Open(file.Path);

        Assert.False(await table.RemoveRow(TestGrainIds.Unique(), "r", "1"));
    }

    [Fact]
    public async Task An_etag_from_before_a_removal_never_matches_the_row_registered_after_it()
    {
        var table = ReminderTableUnderTest.Open(file.Path);
        var grain = TestGrainIds.Unique();
        var seen = new List<string>();
        for (var round = 0; round < 20; round++)
        {
            var etag = (await table.UpsertRow(ReminderTableUnderTest.Entry(grain, "r")))!;
            seen.Add(etag);
            Assert.True(await table.RemoveRow(grain, "r", etag));
        }

        var last = await table.UpsertRow(ReminderTableUnderTest.Entry(grain, "r"));

        Assert.Equal(seen.Count, seen.Distinct().Count());
        Assert.DoesNotContain(last, seen);
        foreach (var old in seen) { Assert.False(await table.RemoveRow(grain, "r", old)); }
        Assert.Equal(last, (await table.ReadRow(grain, "r"))?.ETag);
    }

    [Fact]
    public async Task A_row_holds_the_grains_uniform_hash()
    {
        var table = ReminderTableUnderTest.Open(file.Path);
        var grain = TestGrainIds.Unique();
        await table.UpsertRow(ReminderTableUnderTest.Entry(grain, "r"));
        var hash = grain.GetUniformHashCode();

        var rows = (await table.ReadRows(hash - 1, hash)).Reminders;

        Assert.Contains(rows, r => r.GrainId == grain);
    }
}
