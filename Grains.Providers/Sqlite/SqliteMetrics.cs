using System.Diagnostics;
using System.Diagnostics.Metrics;

namespace Rayswarm.Grains.Providers;

/// <summary>
/// The SQLite group commit's instruments, tagged with the database file: writes over commits is the batch size, and
/// <c>rayswarm.sqlite.writer.busy</c> growing by close to one second per second means the group commit keeps the file's
/// one writer busy (the knowledge store's own transactions and schema set-up take that writer too, uncounted). They
/// belong to our meter <c>Rayswarm</c> (<see cref="MeterName"/>, which the hosts export), here a static instance of it
/// because the databases are made without the host's services; nothing is recorded while no listener enables an
/// instrument.
/// </summary>
public static class SqliteMetrics
{
    /// <summary>The meter's name: the domain system's meter (<c>RayswarmMetrics.MeterName</c>; docs/operations.md).</summary>
    public const string MeterName = "Rayswarm";

    /// <summary>The tag naming the database file.</summary>
    public const string DatabaseTag = "rayswarm.sqlite.database";

    private static readonly Meter s_meter = new(MeterName);

    private static readonly Counter<long> s_commits = s_meter.CreateCounter<long>(
        "rayswarm.sqlite.commits", "{commit}", "Group commits: transactions of grouped writes, each made durable at once (a failed one included).");

    private static readonly Counter<long> s_writes = s_meter.CreateCounter<long>(
        "rayswarm.sqlite.writes", "{write}", "Grouped writes (grain state, reminders, the event log, the workflow index, reviews) in those transactions.");

    private static readonly Counter<double> s_busy = s_meter.CreateCounter<double>(
        "rayswarm.sqlite.writer.busy", "s", "Time the group commit held the file's single writer, from opening its connection to the durable commit.");

    /// <summary>Records one group commit of <paramref name="writes"/> writes that held the writer since <paramref name="startedAt"/>.</summary>
    internal static void GroupCommitted(string database, int writes, long startedAt)
    {
        if (!s_busy.Enabled && !s_commits.Enabled && !s_writes.Enabled) { return; }
        var tag = new KeyValuePair<string, object?>(DatabaseTag, database);
        try
        {
            s_commits.Add(1, tag);
            s_writes.Add(writes, tag);
            s_busy.Add(Stopwatch.GetElapsedTime(startedAt).TotalSeconds, tag);
        }
        catch (Exception)
        {
            // A listener's callback runs here; if it throws, the batch's writers must still hear back (the caller
            // completes them next), so the measurement is dropped instead.
        }
    }
}
