using Rayswarm.Runtime.Abstractions;

namespace Rayswarm.Runtime.Storage.Tests;

/// <summary>The ETag rules: stale, missing and foreign ETags conflict; nothing changes when they do.</summary>
public abstract partial class GrainStorageContract
{
    [Fact]
    public async Task Write_with_a_stale_etag_throws_InconsistentStateException_and_keeps_the_record()
    {
        var storage = await OpenAsync();
        var grain = TestGrains.Unique();
        var stale = await storage.WriteAsync(grain, State, """{"v":1}""", null, None);
        var current = await storage.WriteAsync(grain, State, """{"v":2}""", stale, None);

        var e = await Assert.ThrowsAsync<InconsistentStateException>(() => storage.WriteAsync(grain, State, """{"v":3}""", stale, None));

        Assert.Equal(current, e.StoredEtag);
        Assert.Equal(stale, e.CurrentEtag);
        Assert.Contains(grain.ToString(), e.Message, StringComparison.Ordinal);
        Assert.Contains($"'{State}'", e.Message, StringComparison.Ordinal);
        Assert.Contains(current, e.Message, StringComparison.Ordinal);
        var stored = await storage.ReadAsync(grain, State, None);
        Assert.Equal(current, stored?.ETag);
        JsonAssert.Equivalent("""{"v":2}""", stored!.Json);
    }

    [Fact]
    public async Task An_etag_from_before_a_clear_never_matches_the_record_inserted_after_it()
    {
        var storage = await OpenAsync();
        var grain = TestGrains.Unique();
        var old = await storage.WriteAsync(grain, State, """{"v":1}""", null, None);
        await storage.ClearAsync(grain, State, old, None);
        var reinserted = await storage.WriteAsync(grain, State, """{"v":2}""", null, None);

        Assert.NotEqual(old, reinserted);
        await Assert.ThrowsAsync<InconsistentStateException>(() => storage.WriteAsync(grain, State, """{"v":3}""", old, None));
        JsonAssert.Equivalent("""{"v":2}""", (await storage.ReadAsync(grain, State, None))!.Json);
    }

    [Fact]
    public async Task Write_with_an_etag_to_a_missing_record_throws_InconsistentStateException()
    {
        var storage = await OpenAsync();
        var grain = TestGrains.Unique();

        var e = await Assert.ThrowsAsync<InconsistentStateException>(() => storage.WriteAsync(grain, State, "{}", "7", None));

        Assert.Null(e.StoredEtag);
        Assert.Null(await storage.ReadAsync(grain, State, None));
    }

    [Fact]
    public async Task Write_with_an_etag_the_store_never_issued_throws_InconsistentStateException()
    {
        var storage = await OpenAsync();
        var grain = TestGrains.Unique();
        var etag = await storage.WriteAsync(grain, State, "{}", null, None);

        var e = await Assert.ThrowsAsync<InconsistentStateException>(() => storage.WriteAsync(grain, State, "{}", "not-an-etag", None));

        Assert.Equal(etag, e.StoredEtag);
    }

    [Fact]
    public async Task Insert_over_an_existing_record_throws_InconsistentStateException()
    {
        var storage = await OpenAsync();
        var grain = TestGrains.Unique();
        var etag = await storage.WriteAsync(grain, State, """{"v":1}""", null, None);

        var e = await Assert.ThrowsAsync<InconsistentStateException>(() => storage.WriteAsync(grain, State, """{"v":2}""", null, None));

        Assert.Equal(etag, e.StoredEtag);
        Assert.Null(e.CurrentEtag);
        JsonAssert.Equivalent("""{"v":1}""", (await storage.ReadAsync(grain, State, None))!.Json);
    }

    [Fact]
    public async Task Clear_with_a_stale_etag_throws_InconsistentStateException_and_keeps_the_record()
    {
        var storage = await OpenAsync();
        var grain = TestGrains.Unique();
        var stale = await storage.WriteAsync(grain, State, """{"v":1}""", null, None);
        var current = await storage.WriteAsync(grain, State, """{"v":2}""", stale, None);

        var e = await Assert.ThrowsAsync<InconsistentStateException>(() => storage.ClearAsync(grain, State, stale, None));

        Assert.Equal(current, e.StoredEtag);
        Assert.Equal(stale, e.CurrentEtag);
        Assert.Equal(current, (await storage.ReadAsync(grain, State, None))?.ETag);
    }

    [Fact]
    public async Task Clear_with_a_null_etag_of_an_existing_record_throws_InconsistentStateException()
    {
        var storage = await OpenAsync();
        var grain = TestGrains.Unique();
        var etag = await storage.WriteAsync(grain, State, "{}", null, None);

        var e = await Assert.ThrowsAsync<InconsistentStateException>(() => storage.ClearAsync(grain, State, null, None));

        Assert.Equal(etag, e.StoredEtag);
        Assert.NotNull(await storage.ReadAsync(grain, State, None));
    }

    [Fact]
    public async Task Clear_of_a_missing_record_with_an_etag_throws_InconsistentStateException()
    {
        var storage = await OpenAsync();
        var grain = TestGrains.Unique();
        var etag = await storage.WriteAsync(grain, State, "{}", null, None);
        await storage.ClearAsync(grain, State, etag, None);

        var e = await Assert.ThrowsAsync<InconsistentStateException>(() => storage.ClearAsync(grain, State, etag, None));

        Assert.Null(e.StoredEtag);
    }
}
