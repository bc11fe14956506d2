using System.Globalization;
using Rayswarm.Runtime.Abstractions;

namespace Rayswarm.Runtime.Core;

/// <summary>Reminders in a dictionary (lost with the process).</summary>
public sealed class MemoryReminderTable : IReminderTable
{
    private readonly Dictionary<(GrainId, string), ReminderEntry> _rows = [];
    private readonly Lock _gate = new();
    private long _version;

    /// <inheritdoc />
    public Task InitializeAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    /// <inheritdoc />
    public Task<IReadOnlyList<ReminderEntry>> ReadRangeAsync(uint begin, uint end, CancellationToken cancellationToken)
    {
        lock (_gate)
        {
            IReadOnlyList<ReminderEntry> rows = [.. _rows.Values.Where(r => InRange(r.GrainHash, begin, end))];
            return Task.FromResult(rows);
        }
    }

    /// <inheritdoc />
    public Task<IReadOnlyList<ReminderEntry>> ReadAsync(GrainId grainId, CancellationToken cancellationToken)
    {
        lock (_gate)
        {
            IReadOnlyList<ReminderEntry> rows = [.. _rows.Values.Where(r => r.GrainId == grainId)];
            return Task.FromResult(rows);
        }
    }

    /// <inheritdoc />
    public Task<ReminderEntry?> ReadAsync(GrainId grainId, string name, CancellationToken cancellationToken)
    {
        lock (_gate)
        {
            return Task.FromResult(_rows.TryGetValue((grainId, name), out var r) ? r : null);
        }
    }

    /// <inheritdoc />
    public Task<string> UpsertAsync(ReminderEntry entry, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(entry);
        lock (_gate)
        {
            var etag = (++_version).ToString(CultureInfo.InvariantCulture);
            _rows[(entry.GrainId, entry.Name)] = entry with { ETag = etag };
            return Task.FromResult(etag);
        }
    }

    /// <inheritdoc />
    public Task<bool> RecordTickAsync(GrainId grainId, string name, DateTimeOffset tickAt, CancellationToken cancellationToken)
    {
        lock (_gate)
        {
            if (!_rows.TryGetValue((grainId, name), out var r)) { return Task.FromResult(false); }
            _rows[(grainId, name)] = r with { LastTickAt = tickAt };
            return Task.FromResult(true);
        }
    }

    /// <inheritdoc />
    public Task<bool> RemoveAsync(GrainId grainId, string name, string? etag, CancellationToken cancellationToken)
    {
        lock (_gate)
        {
            if (!_rows.TryGetValue((grainId, name), out var r) || (etag is not null && r.ETag != etag)) { return Task.FromResult(false); }
            return Task.FromResult(_rows.Remove((grainId, name)));
        }
    }

    /// <summary>Whether <paramref name="hash"/> lies in the inclusive range, which wraps when begin &gt; end.</summary>
    public static bool InRange(uint hash, uint begin, uint end) =>
        begin <= end ? hash >= begin && hash <= end : hash >= begin || hash <= end;
}
