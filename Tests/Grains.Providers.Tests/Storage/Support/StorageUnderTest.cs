using Orleans.Storage;

namespace Rayswarm.Grains.Providers.Tests.Storage;

/// <summary>The SQLite grain storage on a file, as a silo would construct it, plus shorthands for the contract tests.</summary>
internal static class StorageUnderTest
{
    public const string State = "state";

    public static SqliteGrainStorage Open(string path) =>
        new("test", new SqliteStorageOptions { DatabasePath = path }, new JsonGrainStateSerializer(), OrleansActivators.Instance);

    /// <summary>Writes <paramref name="value"/> with <paramref name="etag"/>; the new ETag.</summary>
    public static async Task<string> WriteAsync(this IGrainStorage storage, GrainId grain, int value, string? etag, string stateName = State)
    {
        var state = new GrainState<TestState>(new TestState { Value = value }, etag);
        await storage.WriteStateAsync(stateName, grain, state);
        Assert.True(state.RecordExists);
        return state.ETag!;
    }

    /// <summary>Reads the state; the provider always sets one (a new one when there is no record).</summary>
    public static async Task<(TestState State, string? ETag, bool RecordExists)> ReadAsync(this IGrainStorage storage, GrainId grain, string stateName = State)
    {
        var state = new GrainState<TestState>();
        await storage.ReadStateAsync(stateName, grain, state);
        return (Assert.IsType<TestState>(state.State), state.ETag, state.RecordExists);
    }

    public static Task ClearAsync(this IGrainStorage storage, GrainId grain, string? etag, string stateName = State) =>
        storage.ClearStateAsync(stateName, grain, new GrainState<TestState>(new TestState(), etag));
}
