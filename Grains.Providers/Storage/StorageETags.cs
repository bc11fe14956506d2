using System.Globalization;
using Orleans.Storage;

namespace Rayswarm.Grains.Providers;

/// <summary>
/// The ETags of the SQLite providers: a row's version as a decimal string. A new row starts at a random version and
/// every write adds one, so an ETag held from before a clear or a removal cannot match the row inserted after it
/// (versions restarting at 1 would let a stale writer overwrite or remove it).
/// </summary>
internal static class StorageETags
{
    /// <summary>The version of a newly inserted row: random below 2^52, so adding one per write never overflows.</summary>
    public static long FirstVersion() => Random.Shared.NextInt64(1, 1L << 52);

    public static string Format(long version) => version.ToString(CultureInfo.InvariantCulture);

    /// <summary>The version of an ETag string, if it is one of ours.</summary>
    public static bool TryParse(string? etag, out long version) =>
        long.TryParse(etag, NumberStyles.None, CultureInfo.InvariantCulture, out version);

    /// <summary>The conflict of the <see cref="IGrainStorage"/> contract, naming the state, the grain and both ETags.</summary>
    public static InconsistentStateException Conflict(string stateName, GrainId grainId, string? stored, string? given) =>
        new($"ETag mismatch for state '{stateName}' of {grainId}: stored {stored ?? "(none)"}, given {given ?? "(none)"}.", stored, given);
}
