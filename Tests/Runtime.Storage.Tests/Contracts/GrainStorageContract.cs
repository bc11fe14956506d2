using Rayswarm.Runtime.Abstractions;
using Rayswarm.Runtime.Core;

namespace Rayswarm.Runtime.Storage.Tests;

/// <summary>The <see cref="IGrainStorage"/> contract (its ETag rules), run against every provider.</summary>
public abstract class GrainStorageContract : IAsyncLifetime
{
    private const string State = "state";
    private const string Document = """
        { "name": "Zoë ✓", "count": 42, "big": 12345678901234, "ratio": 3.25,
          "nested": { "b": [1, 2, { "c": null }], "a": true }, "text": "line\nbreak \"quoted\"" }
        """;

    private readonly List<IGrainStorage> _opened = [];

    private static CancellationToken None => CancellationToken.None;

    /// <summary>A provider over this test's store. A second call is a restart: a new instance on the same data
    /// (the in-memory provider, whose data is the instance, returns the same one).</summary>
    protected abstract Task<IGrainStorage> CreateStorageAsync();

    /// <summary>Creates the provider's schema explicitly, where it has one.</summary>
    protected virtual Task InitializeSchemaAsync(IGrainStorage storage) => Task.CompletedTask;

    /// <inheritdoc />
    public virtual Task InitializeAsync() => Task.CompletedTask;

    /// <inheritdoc />
    public virtual Task DisposeAsync() => StoreDisposal.DisposeAllAsync(_opened);

    [Fact]
    public async Task Read_of_a_missing_record_returns_null()
    {
        var storage = await OpenAsync();

        Assert.Null(await storage.ReadAsync(TestGrains.Unique(), State, None));
    }

    [Fact]
    public async Task Insert_then_read_round_trips_the_json()
    {
        var storage = await OpenAsync();
        var grain = TestGrains.Unique();

        var etag = await storage.WriteAsync(grain, State, Document, null, None);
        var stored = await storage.ReadAsync(grain, State, None);

        Assert.NotNull(stored);
        JsonAssert.Equivalent(Document, stored.Json);
        Assert.Equal(etag, stored.ETag);
    }

    [Fact]
    public async Task Etag_changes_on_every_write_and_reads_return_the_latest()
    {
        var storage = await OpenAsync();
        var grain = TestGrains.Unique();

        var first = await storage.WriteAsync(grain, State, """{"v":1}""", null, None);
        var second = await storage.WriteAsync(grain, State, """{"v":2}""", first, None);
        var third = await storage.WriteAsync(grain, State, """{"v":3}""", second, None);

        Assert.Equal(3, new[] { first, second, third }.Distinct().Count());
        var stored = await storage.ReadAsync(grain, State, None);
        Assert.NotNull(stored);
        Assert.Equal(third, stored.ETag);
        JsonAssert.Equivalent("""{"v":3}""", stored.Json);
    }

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
    public async Task Clear_with_the_current_etag_deletes_the_record()
    {
        var storage = await OpenAsync();
        var grain = TestGrains.Unique();
        var etag = await storage.WriteAsync(grain, State, "{}", null, None);

        await storage.ClearAsync(grain, State, etag, None);

        Assert.Null(await storage.ReadAsync(grain, State, None));
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
    public async Task Clear_of_a_missing_record_with_a_null_etag_is_a_no_op()
    {
        var storage = await OpenAsync();
        var grain = TestGrains.Unique();

        await storage.ClearAsync(grain, State, null, None);

        Assert.Null(await storage.ReadAsync(grain, State, None));
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

    [Fact]
    public async Task A_cleared_record_can_be_inserted_again()
    {
        var storage = await OpenAsync();
        var grain = TestGrains.Unique();
        var etag = await storage.WriteAsync(grain, State, """{"v":1}""", null, None);
        await storage.ClearAsync(grain, State, etag, None);

        var again = await storage.WriteAsync(grain, State, """{"v":2}""", null, None);

        var stored = await storage.ReadAsync(grain, State, None);
        Assert.Equal(again, stored?.ETag);
        JsonAssert.Equivalent("""{"v":2}""", stored!.Json);
    }

    [Fact]
    public async Task Of_eight_concurrent_writers_with_the_same_etag_exactly_one_wins()
    {
        var grain = TestGrains.Unique();
        var etag = await (await OpenAsync()).WriteAsync(grain, State, """{"writer":-1}""", null, None);
        // One provider instance per writer, as if eight silos raced.
        var writers = new IGrainStorage[8];
        for (var i = 0; i < writers.Length; i++) { writers[i] = await OpenAsync(); }

        var results = await Task.WhenAll(writers.Select((storage, i) => Task.Run(async () =>
        {
            try
            {
                return (Writer: i, ETag: (string?)await storage.WriteAsync(grain, State, $$"""{"writer":{{i}}}""", etag, None));
            }
            catch (InconsistentStateException)
            {
                return (Writer: i, ETag: null);
            }
        })));

        var winner = Assert.Single(results, r => r.ETag is not null);
        var stored = await (await OpenAsync()).ReadAsync(grain, State, None);
        Assert.Equal(winner.ETag, stored?.ETag);
        JsonAssert.Equivalent($$"""{"writer":{{winner.Writer}}}""", stored!.Json);
    }

    [Fact]
    public async Task Of_eight_concurrent_inserts_exactly_one_wins()
    {
        var grain = TestGrains.Unique();
        var writers = new IGrainStorage[8];
        for (var i = 0; i < writers.Length; i++) { writers[i] = await OpenAsync(); }

        var results = await Task.WhenAll(writers.Select((storage, i) => Task.Run(async () =>
        {
            try
            {
                return (string?)await storage.WriteAsync(grain, State, $$"""{"writer":{{i}}}""", null, None);
            }
            catch (InconsistentStateException)
            {
                return null;
            }
        })));

        var winner = Assert.Single(results, r => r is not null);
        Assert.Equal(winner, (await writers[0].ReadAsync(grain, State, None))?.ETag);
    }

    [Fact]
    public async Task Records_of_different_grains_and_state_names_are_independent()
    {
        var storage = await OpenAsync();
        var type = TestGrains.UniqueType("Grain");
        var a = new GrainId(type, "a");
        var b = new GrainId(type, "b");
        var other = new GrainId(TestGrains.UniqueType("Other"), "a");

        var aState = await storage.WriteAsync(a, "state", """{"who":"a/state"}""", null, None);
        await storage.WriteAsync(a, "other", """{"who":"a/other"}""", null, None);
        await storage.WriteAsync(b, "state", """{"who":"b/state"}""", null, None);
        await storage.WriteAsync(other, "state", """{"who":"other/state"}""", null, None);
        await storage.ClearAsync(a, "state", aState, None);

        Assert.Null(await storage.ReadAsync(a, "state", None));
        JsonAssert.Equivalent("""{"who":"a/other"}""", (await storage.ReadAsync(a, "other", None))!.Json);
        JsonAssert.Equivalent("""{"who":"b/state"}""", (await storage.ReadAsync(b, "state", None))!.Json);
        JsonAssert.Equivalent("""{"who":"other/state"}""", (await storage.ReadAsync(other, "state", None))!.Json);
    }

    [Fact]
    public async Task Data_survives_a_new_provider_instance()
    {
        var grain = TestGrains.Unique();
        var before = await OpenAsync();
        var etag = await before.WriteAsync(grain, State, Document, null, None);

        var after = await OpenAsync();
        var stored = await after.ReadAsync(grain, State, None);

        Assert.NotNull(stored);
        Assert.Equal(etag, stored.ETag);
        JsonAssert.Equivalent(Document, stored.Json);
        var next = await after.WriteAsync(grain, State, """{"v":2}""", etag, None);
        Assert.Equal(next, (await before.ReadAsync(grain, State, None))?.ETag);
    }

    [Fact]
    public async Task Creating_the_schema_twice_is_harmless()
    {
        var grain = TestGrains.Unique();
        var first = await OpenAsync();
        await InitializeSchemaAsync(first);
        var etag = await first.WriteAsync(grain, State, """{"v":1}""", null, None);

        var second = await OpenAsync();
        await InitializeSchemaAsync(second);
        await InitializeSchemaAsync(first);

        Assert.Equal(etag, (await second.ReadAsync(grain, State, None))?.ETag);
        await second.WriteAsync(grain, State, """{"v":2}""", etag, None);
    }

    [Fact]
    public async Task Several_instances_starting_at_once_all_work()
    {
        var grain = TestGrains.Unique();
        var instances = new IGrainStorage[4];
        for (var i = 0; i < instances.Length; i++) { instances[i] = await OpenAsync(); }

        await Task.WhenAll(instances.Select((storage, i) => Task.Run(() => storage.WriteAsync(grain, $"state{i}", "{}", null, None))));

        for (var i = 0; i < instances.Length; i++)
        {
            Assert.NotNull(await instances[0].ReadAsync(grain, $"state{i}", None));
        }
    }

    private async Task<IGrainStorage> OpenAsync()
    {
        var storage = await CreateStorageAsync();
        _opened.Add(storage);
        return storage;
    }
}
