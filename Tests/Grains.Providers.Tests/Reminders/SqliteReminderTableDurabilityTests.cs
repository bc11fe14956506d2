using Microsoft.Data.Sqlite;
using Rayswarm.Grains.Providers.Tests.Storage;

namespace Rayswarm.Grains.Providers.Tests.Reminders;

/// <summary>Group commit of upserts, restarts of the table, and clearing it.</summary>
public sealed class SqliteReminderTableDurabilityTests(SqliteFile file) : IClassFixture<SqliteFile>
{
    [Fact]
    public async Task Concurrent_upserts_share_commits_and_are_all_durable()
    {
        var path = file.NewPath();
        var table = ReminderTableUnderTest.Open(path);
        await table.StartAsync();
        var grains = Enumerable.Range(0, 30).Select(_ => TestGrainIds.Unique()).ToArray();
        // Hold the file's write lock from outside, so the upserts below queue up and commit in groups.
        await using var other = await file.OpenForeignConnectionAsync(path);
        var transaction = other.BeginTransaction(deferred: false);

        var upserts = grains.Select(g => Task.Run(() => table.UpsertRow(ReminderTableUnderTest.Entry(g, "r")))).ToArray();
        await Eventually.True(() => table.UnfinishedWrites == grains.Length, "every upsert queued behind the held lock");
        Assert.DoesNotContain(upserts, u => u.IsCompleted);
        transaction.Commit();
        var etags = await Task.WhenAll(upserts);

        SqliteConnection.ClearAllPools();
        var reopened = ReminderTableUnderTest.Open(path);
        for (var i = 0; i < grains.Length; i++)
        {
            Assert.Equal(etags[i], (await reopened.ReadRow(grains[i], "r"))?.ETag);
        }
    }

    [Fact]
    public async Task Rows_survive_a_new_instance()
    {
        var grain = TestGrainIds.Unique();
        var etag = await ReminderTableUnderTest.Open(file.Path).UpsertRow(ReminderTableUnderTest.Entry(grain, "r"));

        var after = ReminderTableUnderTest.Open(file.Path);
        await after.StartAsync();

        var row = await after.ReadRow(grain, "r");
        Assert.Equal((etag, ReminderTableUnderTest.Start), (row?.ETag, row?.StartAt));
        Assert.True(await after.RemoveRow(grain, "r", etag!));
    }

    [Fact]
    public async Task Starting_twice_and_from_two_instances_is_harmless()
    {
        var grain = TestGrainIds.Unique();
        var table = ReminderTableUnderTest.Open(file.Path);
        await table.StartAsync();
        var etag = await table.UpsertRow(ReminderTableUnderTest.Entry(grain, "r"));

        await table.StartAsync();
        var other = ReminderTableUnderTest.Open(file.Path);
        await other.StartAsync();

        Assert.Equal(etag, (await other.ReadRow(grain, "r"))?.ETag);
    }

    [Fact]
    public async Task TestOnlyClearTable_removes_every_row()
    {
        var table = ReminderTableUnderTest.Open(file.NewPath());
        await table.UpsertRow(ReminderTableUnderTest.Entry(TestGrainIds.Unique(), "a"));
        await table.UpsertRow(ReminderTableUnderTest.Entry(TestGrainIds.Unique(), "b"));

        await table.TestOnlyClearTable();

        Assert.Empty((await table.ReadRows(0, 0)).Reminders);
    }
}
