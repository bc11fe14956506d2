using System.Collections.Concurrent;
using System.Globalization;
using System.Text.Json;
using Orleans.Storage;

namespace Rayswarm.Cluster.Tests;

/// <summary>Grain storage that every silo of an in-process cluster shares, as they share a database between processes: state
/// outlives the silo that wrote it, and writes are fenced by ETag like the real providers'. (Orleans' memory storage keeps
/// state in grains, so it dies with their silo.)</summary>
public sealed class SharedGrainStorage : IGrainStorage
{
    private readonly ConcurrentDictionary<(string State, GrainId Grain), (byte[] Json, string ETag)> _rows = new();
    private long _version;

    public Task ReadStateAsync<T>(string stateName, GrainId grainId, IGrainState<T> grainState)
    {
        if (_rows.TryGetValue((stateName, grainId), out var row))
        {
            grainState.State = JsonSerializer.Deserialize<T>(row.Json)!;
            grainState.ETag = row.ETag;
            grainState.RecordExists = true;
        }
        return Task.CompletedTask;
    }

    public Task WriteStateAsync<T>(string stateName, GrainId grainId, IGrainState<T> grainState)
    {
        lock (_rows)
        {
            var stored = _rows.TryGetValue((stateName, grainId), out var row) ? row.ETag : null;
            if (stored != grainState.ETag) { throw new InconsistentStateException($"{grainId} {stateName}: stale ETag", stored, grainState.ETag); }
            var etag = Interlocked.Increment(ref _version).ToString(CultureInfo.InvariantCulture);
            _rows[(stateName, grainId)] = (JsonSerializer.SerializeToUtf8Bytes(grainState.State), etag);
            grainState.ETag = etag;
            grainState.RecordExists = true;
        }
        return Task.CompletedTask;
    }

    public Task ClearStateAsync<T>(string stateName, GrainId grainId, IGrainState<T> grainState)
    {
        lock (_rows)
        {
            var stored = _rows.TryGetValue((stateName, grainId), out var row) ? row.ETag : null;
            if (stored != grainState.ETag) { throw new InconsistentStateException($"{grainId} {stateName}: stale ETag", stored, grainState.ETag); }
            _rows.TryRemove((stateName, grainId), out _);
            grainState.ETag = null;
            grainState.RecordExists = false;
        }
        return Task.CompletedTask;
    }
}
