using Rayswarm.Runtime.Abstractions;

namespace Rayswarm.Runtime.Core;

/// <summary>
/// A storage provider for grain state. Providers store opaque JSON documents keyed by (grain id, state name)
/// with an ETag per record; serialization happens above them, so every provider behaves the same.
/// </summary>
/// <remarks>
/// ETag rules every provider follows (the shared provider test suite checks them):
/// write with a null ETag inserts and fails with <see cref="InconsistentStateException"/> if a record exists;
/// write or clear with an ETag succeeds only if the stored record has exactly that ETag, else it throws
/// <see cref="InconsistentStateException"/>; clear deletes the record (clearing a missing record with a null ETag is a no-op).
/// </remarks>
public interface IGrainStorage
{
    /// <summary>Reads a record; null when none exists.</summary>
    Task<StoredGrainState?> ReadAsync(GrainId grainId, string stateName, CancellationToken cancellationToken);

    /// <summary>Writes a record and returns its new ETag.</summary>
    Task<string> WriteAsync(GrainId grainId, string stateName, string json, string? etag, CancellationToken cancellationToken);

    /// <summary>Deletes a record.</summary>
    Task ClearAsync(GrainId grainId, string stateName, string? etag, CancellationToken cancellationToken);
}
