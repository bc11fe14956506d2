using Rayswarm.Runtime.Abstractions;

namespace Rayswarm.Runtime.Storage.Tests;

/// <summary>Grain ids for tests: a grain type of its own per test, so tests sharing a store never see each other's rows.</summary>
internal static class TestGrains
{
    public static string UniqueType(string prefix) => $"{prefix}{Guid.NewGuid():N}";

    public static GrainId Unique(string prefix = "Grain", string key = "key") => new(UniqueType(prefix), key);

    /// <summary>A grain of <paramref name="type"/> whose stable hash lies in [<paramref name="low"/>, <paramref name="high"/>].</summary>
    public static GrainId WithHashBetween(string type, uint low, uint high)
    {
        for (var i = 0; i < 1_000_000; i++)
        {
            var id = new GrainId(type, $"k{i}");
            var hash = id.StableHash();
            if (hash >= low && hash <= high) { return id; }
        }

        throw new InvalidOperationException($"No key of {type} hashes into [{low:X8}, {high:X8}].");
    }
}
