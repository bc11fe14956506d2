using Microsoft.Data.Sqlite;
using Orleans.Storage;

namespace Rayswarm.Grains.Providers.Tests.Storage;

/// <summary>Group commit, restarts of the provider, and state written by an older version of the state type.</summary>
public sealed class SqliteGrainStorageDurabilityTests(SqliteFile file) : IClassFixture<SqliteFile>
{
    [Fact]
    public async Task Concurrent_writes_of_different_grains_share_commits_are_all_durable_and_a_stale_one_fails_alone()
    {
        var path = file.NewPath();
        var storage = StorageUnderTest.Open(path);
        await storage.InitializeAsync(CancellationToken.None);
        var grains = Enumerable.Range(0, 40).Select(_ => TestGrainIds.Unique()).ToArray();
        var first = await Task.WhenAll(grains.Select(g => storage.WriteAsync(g, 1, null)));
        // Hold the file's write lock from outside, so the writes below queue up and commit in groups.
        await using var other = await file.OpenForeignConnectionAsync(path);
        var transaction = other.BeginTransaction(deferred: false);

        var writes = grains.Select((g, i) => Task.Run(() => storage.WriteAsync(g, 100 + i, i == 7 ? "12345" : first[i]))).ToArray();
        await Eventually.True(() => storage.UnfinishedWrites == grains.Length, "every write queued behind the held lock");
        Assert.DoesNotContain(writes, w => w.IsCompleted);
        transaction.Commit();

        await Assert.ThrowsAsync<InconsistentStateException>(() => writes[7]);
        // Read back through new connections of a new provider: what was acknowledged is in the file.
        SqliteConnection.ClearAllPools();
        var reopened = StorageUnderTest.Open(path);
        for (var i = 0; i < grains.Length; i++)
        {
            var read = await reopened.ReadAsync(grains[i]);
            if (i == 7)
            {
                Assert.Equal((first[i], 1), (read.ETag!, read.State.Value));
                continue;
            }
            Assert.Equal((await writes[i], 100 + i), (read.ETag!, read.State.Value));
        }
    }

    [Fact]
    public async Task State_survives_a_new_provider_instance_and_either_instance_can_write_next()
    {
        var grain = TestGrainIds.Unique();
        var before = StorageUnderTest.Open(file.Path);
        var etag = await before.WriteAsync(grain, 1, null);

        var after = StorageUnderTest.Open(file.Path);
        var read = await after.ReadAsync(grain);
        var next = await after.WriteAsync(grain, 2, read.ETag);

        Assert.Equal(etag, read.ETag);
        Assert.Equal(1, read.State.Value);
        Assert.Equal(next, (await before.ReadAsync(grain)).ETag);
    }

    [Fact]
    public async Task A_state_written_by_an_older_type_reads_into_a_newer_one_with_an_added_and_a_removed_member()
    {
        var storage = StorageUnderTest.Open(file.Path);
        var grain = TestGrainIds.Unique();
        var old = new GrainState<OldProfile>(new OldProfile { Name = "ada", Nickname = "countess" });
        await storage.WriteStateAsync("profile", grain, old);

        var read = new GrainState<NewProfile>();
        await storage.ReadStateAsync("profile", grain, read);
        Assert.Equal(old.ETag, read.ETag);
        var upgraded = Assert.IsType<NewProfile>(read.State);
        Assert.Equal("ada", upgraded.Name);
        upgraded.Email = "ada@example.org";
        await storage.WriteStateAsync("profile", grain, read);
        var again = new GrainState<NewProfile>();
        await storage.ReadStateAsync("profile", grain, again);

        var stored = Assert.IsType<NewProfile>(again.State);
        Assert.Equal("ada", stored.Name);
        Assert.Equal(3, stored.Level); // missing in the old document: the type's default
        Assert.Equal("ada@example.org", stored.Email);
    }

    [Fact]
    public async Task Creating_the_schema_twice_and_from_two_instances_is_harmless()
    {
        var grain = TestGrainIds.Unique();
        var first = StorageUnderTest.Open(file.Path);
        await first.InitializeAsync(CancellationToken.None);
        var etag = await first.WriteAsync(grain, 1, null);

        var second = StorageUnderTest.Open(file.Path);
        await second.InitializeAsync(CancellationToken.None);
        await first.InitializeAsync(CancellationToken.None);

        Assert.Equal(etag, (await second.ReadAsync(grain)).ETag);
    }
}
