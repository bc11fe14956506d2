using Rayswarm.Runtime.Abstractions;

namespace Rayswarm.CodeGen.Tests;

/// <summary>A persistent state that lives in memory only.</summary>
internal sealed class InMemoryState<TState> : IPersistentState<TState> where TState : new()
{
    public TState State { get; set; } = new();

    public string? Etag => null;

    public bool RecordExists => false;

    public Task ReadStateAsync(CancellationToken cancellationToken = default) => Task.CompletedTask;

    public Task WriteStateAsync(CancellationToken cancellationToken = default) => Task.CompletedTask;

    public Task ClearStateAsync(CancellationToken cancellationToken = default) => Task.CompletedTask;
}
