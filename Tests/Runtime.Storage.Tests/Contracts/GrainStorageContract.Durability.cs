using Rayswarm.Runtime.Abstractions;
using Rayswarm.Runtime.Core;

namespace Rayswarm.Runtime.Storage.Tests;

/// <summary>Races between writers, restarts, and schema creation.</summary>
public abstract partial class GrainStorageContract
{
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
}
