using Microsoft.Data.Sqlite;
using Microsoft.Extensions.Options;
using Rayswarm.Runtime.Abstractions;
using Rayswarm.Runtime.Core;
using Rayswarm.Runtime.Sqlite;
using Rayswarm.Testing;

namespace Rayswarm.Runtime.Storage.Tests;

/// <summary>The contract against a real SQLite file (one per test class), plus what only SQLite has.</summary>
public sealed class SqliteGrainStorageTests(SqliteFile file) : GrainStorageContract, IClassFixture<SqliteFile>
{
    protected override Task<IGrainStorage> CreateStorageAsync() =>
        Task.FromResult<IGrainStorage>(new SqliteGrainStorage(new SqliteStorageOptions { DatabasePath = file.Path }));

    protected override Task InitializeSchemaAsync(IGrainStorage storage) => ((SqliteGrainStorage)storage).InitializeAsync(CancellationToken.None);

    [Fact]
    public async Task The_file_is_in_wal_mode_with_both_tables()
    {
        var path = file.NewPath();
        await new SqliteGrainStorage(new SqliteStorageOptions { DatabasePath = path }).InitializeAsync(CancellationToken.None);

        await using var connection = new SqliteConnection($"Data Source={path}");
        await connection.OpenAsync();
        await using var mode = connection.CreateCommand();
        mode.CommandText = "PRAGMA journal_mode";
        Assert.Equal("wal", await mode.ExecuteScalarAsync());
        await using var tables = connection.CreateCommand();
        tables.CommandText = "SELECT group_concat(name, ',') FROM (SELECT name FROM sqlite_master WHERE type = 'table' ORDER BY name)";
        Assert.Equal("grain_state,reminders", await tables.ExecuteScalarAsync());
    }

    [Fact]
    public async Task A_write_waits_while_another_connection_holds_the_write_lock()
    {
        var storage = new SqliteGrainStorage(new SqliteStorageOptions { DatabasePath = file.Path });
        var grain = TestGrains.Unique();
        await storage.InitializeAsync(CancellationToken.None);
        // Stands in for another process: a connection outside the provider's in-process writer queue.
        await using var other = new SqliteConnection($"Data Source={file.Path};Pooling=False");
        await other.OpenAsync();
        var transaction = other.BeginTransaction(deferred: false);

        var write = Task.Run(() => storage.WriteAsync(grain, "state", "{}", null, CancellationToken.None));
        await Eventually.True(() => storage.UnfinishedWrites == 1, "the write is queued behind the held lock");
        Assert.False(write.IsCompleted);
        transaction.Commit();

        var etag = await write;
        Assert.Equal((await storage.ReadAsync(grain, "state", CancellationToken.None))!.ETag, etag);
    }

    [Fact]
    public async Task Concurrent_writes_share_commits_and_a_conflicting_one_fails_alone()
    {
        var storage = new SqliteGrainStorage(new SqliteStorageOptions { DatabasePath = file.Path });
        await storage.InitializeAsync(CancellationToken.None);
        var grains = Enumerable.Range(0, 40).Select(_ => TestGrains.Unique()).ToArray();
        var first = await Task.WhenAll(grains.Select(g => storage.WriteAsync(g, "state", """{"v":1}""", null, CancellationToken.None)));
        // Hold the file's write lock from outside, so the writes below queue up and go in one group.
        await using var other = new SqliteConnection($"Data Source={file.Path};Pooling=False");
        await other.OpenAsync();
        var transaction = other.BeginTransaction(deferred: false);

        var writes = grains.Select((g, i) => Task.Run(() =>
            storage.WriteAsync(g, "state", $$"""{"v":2,"i":{{i}}}""", i == 7 ? "12345" : first[i], CancellationToken.None))).ToArray();
        await Eventually.True(() => storage.UnfinishedWrites == grains.Length, "every write queued behind the held lock");
        transaction.Commit();

        await Assert.ThrowsAsync<InconsistentStateException>(() => writes[7]);
        for (var i = 0; i < grains.Length; i++)
        {
            var stored = await storage.ReadAsync(grains[i], "state", CancellationToken.None);
            if (i == 7)
            {
                Assert.Equal(first[i], stored!.ETag);
                JsonAssert.Equivalent("""{"v":1}""", stored.Json);
                continue;
            }
            Assert.Equal(await writes[i], stored!.ETag);
            JsonAssert.Equivalent($$"""{"v":2,"i":{{i}}}""", stored.Json);
        }
    }

    [Fact]
    public void Options_without_a_database_are_rejected_naming_the_setting()
    {
        var e = Assert.Throws<OptionsValidationException>(() => new SqliteGrainStorage(new SqliteStorageOptions()));

        Assert.Contains("SqliteStorageOptions.DatabasePath", e.Message, StringComparison.Ordinal);
    }
}
