using System.Collections.Concurrent;
using System.Globalization;

namespace Rayswarm.Cluster.Tests;

/// <summary>A reminder table that every silo of an in-process cluster shares, as they share a database between processes:
/// reminders outlive the silo that owned them. (Orleans' in-memory reminder table lives in a grain, so it dies with its silo.)</summary>
public sealed class SharedReminderTable : IReminderTable
{
    private readonly ConcurrentDictionary<(GrainId Grain, string Name), ReminderEntry> _rows = new();
    private long _version;

    public Task<ReminderTableData> ReadRows(GrainId grainId) =>
        Task.FromResult(new ReminderTableData(_rows.Values.Where(e => e.GrainId == grainId).Select(Copy)));

    /// <summary>The reminders of grains whose hash is in the ring range (begin, end], which wraps when begin ≥ end.</summary>
    public Task<ReminderTableData> ReadRows(uint begin, uint end) =>
        Task.FromResult(new ReminderTableData(_rows.Values.Where(e => InRange(e.GrainId.GetUniformHashCode(), begin, end)).Select(Copy)));

    public Task<ReminderEntry?> ReadRow(GrainId grainId, string reminderName) =>
        Task.FromResult(_rows.TryGetValue((grainId, reminderName), out var entry) ? Copy(entry) : null);

    public Task<string?> UpsertRow(ReminderEntry entry)
    {
        var copy = Copy(entry);
        copy.ETag = Interlocked.Increment(ref _version).ToString(CultureInfo.InvariantCulture);
        _rows[(entry.GrainId, entry.ReminderName)] = copy;
        return Task.FromResult<string?>(copy.ETag);
    }

    public Task<bool> RemoveRow(GrainId grainId, string reminderName, string eTag)
    {
        lock (_rows)
        {
            return Task.FromResult(_rows.TryGetValue((grainId, reminderName), out var entry) && entry.ETag == eTag
                && _rows.TryRemove((grainId, reminderName), out _));
        }
    }

    public Task TestOnlyClearTable()
    {
        _rows.Clear();
        return Task.CompletedTask;
    }

    private static bool InRange(uint hash, uint begin, uint end) => begin < end ? hash > begin && hash <= end : hash > begin || hash <= end;

    private static ReminderEntry Copy(ReminderEntry e) =>
        new() { GrainId = e.GrainId, ReminderName = e.ReminderName, StartAt = e.StartAt, Period = e.Period, ETag = e.ETag };
}
