using System.Globalization;
using Rayswarm.Runtime.Abstractions;

namespace Rayswarm.Runtime.Core;

/// <summary>ETag helpers every storage provider shares, so all of them version and word conflicts the same way.</summary>
public static class StorageETags
{
    /// <summary>
    /// The version of a newly inserted record: random, so that an ETag held from before a clear can never match
    /// the record inserted after it (versions restarting at 1 would let a stale writer overwrite it).
    /// </summary>
    public static long FirstVersion() => Random.Shared.NextInt64(1, 1L << 52);

    /// <summary>The ETag string of a version.</summary>
    public static string Format(long version) => version.ToString(CultureInfo.InvariantCulture);

    /// <summary>The version of an ETag string, if it is one.</summary>
    public static bool TryParse(string? etag, out long version) =>
        long.TryParse(etag, NumberStyles.None, CultureInfo.InvariantCulture, out version);

    /// <summary>The conflict of the <see cref="IGrainStorage"/> contract, naming the grain, the state and both ETags.</summary>
    public static InconsistentStateException Conflict(GrainId grainId, string stateName, string? stored, string? given) =>
        new($"ETag mismatch for state '{stateName}' of {grainId}: stored {stored ?? "(none)"}, given {given ?? "(none)"}.", stored, given);
}
