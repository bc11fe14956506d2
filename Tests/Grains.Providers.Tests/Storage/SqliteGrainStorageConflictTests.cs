using Orleans.Storage;

namespace Rayswarm.Grains.Providers.Tests.Storage;

/// <summary>The ETag fence: stale, missing and foreign ETags throw <see cref="InconsistentStateException"/> and change nothing.</summary>
public sealed class SqliteGrainStorageConflictTests(SqliteFile file) : IClassFixture<SqliteFile>
{
    [Fact]
    public async Task Write_with_a_stale_etag_throws_naming_both_etags_and_keeps_the_state()
    {
        var storage = StorageUnderTest.Open(file.Path);
        var grain = TestGrainIds.Unique();
        var stale = await storage.WriteAsync(grain, 1, null);
        var current = await storage.WriteAsync(grain, 2, stale);

        var e = await Assert.ThrowsAsync<InconsistentStateException>(() => storage.WriteAsync(grain, 3, stale));

        Assert.Equal(current, e.StoredEtag);
        Assert.Equal(stale, e.CurrentEtag);
        Assert.Contains(grain.ToString(), e.Message, StringComparison.Ordinal);
        Assert.Contains($"'{StorageUnderTest.State}'", e.Message, StringComparison.Ordinal);
        var read = await storage.ReadAsync(grain);
        Assert.Equal(current, read.ETag);
        Assert.Equal(2, read.State.Value);
    }

    [Fact]
    public async Task Clear_with_a_stale_etag_throws_naming_both_etags_and_keeps_the_state()
    {
        var storage = StorageUnderTest.Open(file.Path);
        var grain = TestGrainIds.Unique();
        var stale = await storage.WriteAsync(grain, 1, null);
        var current = await storage.WriteAsync(grain, 2, stale);
        var state = new GrainState<TestState>(new TestState { Value = 1 }, stale) { RecordExists = true };

        var e = await Assert.ThrowsAsync<InconsistentStateException>(() => storage.ClearStateAsync(StorageUnderTest.State, grain, state));

        Assert.Equal(current, e.StoredEtag);
        Assert.Equal(stale, e.CurrentEtag);
        Assert.Equal(stale, state.ETag);
        Assert.Equal(current, (await storage.ReadAsync(grain)).ETag);
    }

    [Fact]
    public async Task First_write_expects_a_null_etag()
    {
        var storage = StorageUnderTest.Open(file.Path);
        var grain = TestGrainIds.Unique();

        var e = await Assert.ThrowsAsync<InconsistentStateException>(() => storage.WriteAsync(grain, 1, "7"));

        Assert.Null(e.StoredEtag);
        Assert.Equal("7", e.CurrentEtag);
        Assert.False((await storage.ReadAsync(grain)).RecordExists);
    }

    [Fact]
    public async Task A_write_with_a_null_etag_over_an_existing_state_throws()
    {
        var storage = StorageUnderTest.Open(file.Path);
        var grain = TestGrainIds.Unique();
        var etag = await storage.WriteAsync(grain, 1, null);

        var e = await Assert.ThrowsAsync<InconsistentStateException>(() => storage.WriteAsync(grain, 2, null));

        Assert.Equal(etag, e.StoredEtag);
        Assert.Null(e.CurrentEtag);
        Assert.Equal(1, (await storage.ReadAsync(grain)).State.Value);
    }

    [Fact]
    public async Task A_write_with_an_etag_the_store_never_issued_throws()
    {
        var storage = StorageUnderTest.Open(file.Path);
        var grain = TestGrainIds.Unique();
        var etag = await storage.WriteAsync(grain, 1, null);

        var e = await Assert.ThrowsAsync<InconsistentStateException>(() => storage.WriteAsync(grain, 2, "not-an-etag"));

        Assert.Equal(etag, e.StoredEtag);
    }

    [Fact]
    public async Task Clear_with_a_null_etag_of_an_existing_state_throws()
    {
        var storage = StorageUnderTest.Open(file.Path);
        var grain = TestGrainIds.Unique();
        var etag = await storage.WriteAsync(grain, 1, null);

        var e = await Assert.ThrowsAsync<InconsistentStateException>(() => storage.ClearAsync(grain, null));

        Assert.Equal(etag, e.StoredEtag);
        Assert.True((await storage.ReadAsync(grain)).RecordExists);
    }

    [Fact]
    public async Task Clear_then_rewrite_gives_etags_never_seen_before_and_old_ones_stay_stale()
    {
        var storage = StorageUnderTest.Open(file.Path);
        var grain = TestGrainIds.Unique();
        var seen = new List<string>();
        for (var round = 0; round < 20; round++)
        {
            var inserted = await storage.WriteAsync(grain, round, null);
            var updated = await storage.WriteAsync(grain, round + 100, inserted);
            seen.Add(inserted);
            seen.Add(updated);
            await storage.ClearAsync(grain, updated);
        }

        var last = await storage.WriteAsync(grain, -1, null);

        Assert.Equal(seen.Count, seen.Distinct().Count());
        Assert.DoesNotContain(last, seen);
        foreach (var old in seen)
        {
            await Assert.ThrowsAsync<InconsistentStateException>(() => storage.WriteAsync(grain, -2, old));
            await Assert.ThrowsAsync<InconsistentStateException>(() => storage.ClearAsync(grain, old));
        }
        Assert.Equal(-1, (await storage.ReadAsync(grain)).State.Value);
    }

    [Fact]
    public async Task Of_eight_providers_writing_with_the_same_etag_exactly_one_wins()
    {
        var grain = TestGrainIds.Unique();
        var etag = await StorageUnderTest.Open(file.Path).WriteAsync(grain, -1, null);
        // One provider instance per writer, as if eight silos raced on the file.
        var writers = Enumerable.Range(0, 8).Select(_ => StorageUnderTest.Open(file.Path)).ToArray();

        var results = await Task.WhenAll(writers.Select((storage, i) => Task.Run(async () =>
        {
            try
            {
                return (Writer: i, ETag: (string?)await storage.WriteAsync(grain, i, etag));
            }
            catch (InconsistentStateException)
            {
                return (Writer: i, ETag: null);
            }
        })));

        var winner = Assert.Single(results, r => r.ETag is not null);
        var read = await StorageUnderTest.Open(file.Path).ReadAsync(grain);
        Assert.Equal(winner.ETag, read.ETag);
        Assert.Equal(winner.Writer, read.State.Value);
    }
}
