using System.Text.Json;
using Rayswarm.Runtime.Abstractions;

namespace Rayswarm.Runtime.Core;

/// <summary>A grain's named state backed by an <see cref="IGrainStorage"/>, serialized with <see cref="GrainStateJson"/>.</summary>
internal sealed class PersistentState<TState>(GrainId grainId, string stateName, IGrainStorage storage) : IPersistentState<TState>, IActivationState
    where TState : new()
{
    public TState State { get; set; } = new();

    public string? Etag { get; private set; }

    public bool RecordExists { get; private set; }

    public async Task ReadStateAsync(CancellationToken cancellationToken = default)
    {
        var stored = await storage.ReadAsync(grainId, stateName, cancellationToken);
        if (stored is null)
        {
            State = new TState();
            Etag = null;
            RecordExists = false;
            return;
        }
        State = JsonSerializer.Deserialize<TState>(stored.Json, GrainStateJson.Options) ?? new TState();
        Etag = stored.ETag;
        RecordExists = true;
    }

    public async Task WriteStateAsync(CancellationToken cancellationToken = default)
    {
        var json = JsonSerializer.Serialize(State, GrainStateJson.Options);
        Etag = await storage.WriteAsync(grainId, stateName, json, Etag, cancellationToken);
        RecordExists = true;
    }

    public async Task ClearStateAsync(CancellationToken cancellationToken = default)
    {
        await storage.ClearAsync(grainId, stateName, Etag, cancellationToken);
        State = new TState();
        Etag = null;
        RecordExists = false;
    }

    Task IActivationState.LoadAsync(CancellationToken cancellationToken) => ReadStateAsync(cancellationToken);
}
