namespace Rayswarm.Runtime.Abstractions;

/// <summary>A grain's named, durable state with optimistic concurrency by ETag.</summary>
public interface IPersistentState<TState> where TState : new()
{
    /// <summary>The state; a new <typeparamref name="TState"/> when no record exists.</summary>
    TState State { get; set; }

    /// <summary>The version of the stored record this activation last read or wrote; null when none exists.</summary>
    string? Etag { get; }

    /// <summary>Whether a stored record exists.</summary>
    bool RecordExists { get; }

    /// <summary>Reads the stored record, replacing <see cref="State"/>.</summary>
    Task ReadStateAsync(CancellationToken cancellationToken = default);

    /// <summary>Writes <see cref="State"/>. Throws <see cref="InconsistentStateException"/> when the record changed since it was read.</summary>
    Task WriteStateAsync(CancellationToken cancellationToken = default);

    /// <summary>Deletes the stored record and resets <see cref="State"/>. Throws <see cref="InconsistentStateException"/> on a stale ETag.</summary>
    Task ClearStateAsync(CancellationToken cancellationToken = default);
}
