using Rayswarm.Runtime.Abstractions;

namespace Rayswarm.Runtime.Core;

/// <summary>
/// Durable storage of reminders. Rows are keyed by (grain id, name) and carry the grain's stable hash so that
/// ownership can be split by hash range between silos.
/// </summary>
public interface IReminderTable
{
    /// <summary>Creates the schema if it does not exist (idempotent).</summary>
    Task InitializeAsync(CancellationToken cancellationToken);

    /// <summary>Rows whose grain hash is in [<paramref name="begin"/>, <paramref name="end"/>] (inclusive; begin may exceed end to wrap around).</summary>
    Task<IReadOnlyList<ReminderEntry>> ReadRangeAsync(uint begin, uint end, CancellationToken cancellationToken);

    /// <summary>All rows of one grain.</summary>
    Task<IReadOnlyList<ReminderEntry>> ReadAsync(GrainId grainId, CancellationToken cancellationToken);

    /// <summary>One row, or null.</summary>
    Task<ReminderEntry?> ReadAsync(GrainId grainId, string name, CancellationToken cancellationToken);

    /// <summary>Inserts or replaces a row (ignoring its ETag) and returns the new ETag.</summary>
    Task<string> UpsertAsync(ReminderEntry entry, CancellationToken cancellationToken);

    /// <summary>Records that the tick due at <paramref name="tickAt"/> was delivered. Returns false if the row is gone.</summary>
    Task<bool> RecordTickAsync(GrainId grainId, string name, DateTimeOffset tickAt, CancellationToken cancellationToken);

    /// <summary>Deletes a row if it still has <paramref name="etag"/> (any ETag when null). Returns whether a row was deleted.</summary>
    Task<bool> RemoveAsync(GrainId grainId, string name, string? etag, CancellationToken cancellationToken);
}
