using System.Globalization;
using Rayswarm.Runtime.Abstractions;

namespace Rayswarm.Runtime.Core;

/// <summary>Grain storage in a dictionary, with the same ETag rules as the durable providers.</summary>
public sealed class MemoryGrainStorage : IGrainStorage
{
    private readonly Dictionary<(GrainId, string), StoredGrainState> _records = [];
    private readonly Lock _gate = new();
    private long _version;

    /// <inheritdoc />
    public Task<StoredGrainState?> ReadAsync(GrainId grainId, string stateName, CancellationToken cancellationToken)
    {
        lock (_gate)
        {
            return Task.FromResult(_records.TryGetValue((grainId, stateName), out var r) ? r : null);
        }
    }

    /// <inheritdoc />
    public Task<string> WriteAsync(GrainId grainId, string stateName, string json, string? etag, CancellationToken cancellationToken)
    {
        lock (_gate)
        {
            _records.TryGetValue((grainId, stateName), out var current);
            Check(grainId, stateName, current, etag);
            var next = new StoredGrainState(json, (++_version).ToString(CultureInfo.InvariantCulture));
            _records[(grainId, stateName)] = next;
            return Task.FromResult(next.ETag);
        }
    }

    /// <inheritdoc />
    public Task ClearAsync(GrainId grainId, string stateName, string? etag, CancellationToken cancellationToken)
    {
        lock (_gate)
        {
            _records.TryGetValue((grainId, stateName), out var current);
            if (current is null && etag is null) { return Task.CompletedTask; }
            Check(grainId, stateName, current, etag);
            _records.Remove((grainId, stateName));
            return Task.CompletedTask;
        }
    }

    private static void Check(GrainId grainId, string stateName, StoredGrainState? current, string? etag)
    {
        if (current?.ETag != etag) { throw StorageETags.Conflict(grainId, stateName, current?.ETag, etag); }
    }
}
