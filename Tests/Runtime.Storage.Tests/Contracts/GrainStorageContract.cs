using Rayswarm.Runtime.Abstractions;
using Rayswarm.Runtime.Core;

namespace Rayswarm.Runtime.Storage.Tests;

/// <summary>The <see cref="IGrainStorage"/> contract (its ETag rules), run against every provider.</summary>
public abstract partial class GrainStorageContract : IAsyncLifetime
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
    public async Task Clear_with_the_current_etag_deletes_the_record()
    {
        var storage = await OpenAsync();
        var grain = TestGrains.Unique();
        var etag = await storage.WriteAsync(grain, State, "{}", null, None);

        await storage.ClearAsync(grain, State, etag, None);

        Assert.Null(await storage.ReadAsync(grain, State, None));
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

    private async Task<IGrainStorage> OpenAsync()
    {
        var storage = await CreateStorageAsync();
        _opened.Add(storage);
        return storage;
    }
}
