using System.Diagnostics;
using System.Diagnostics.Metrics;
using Rayswarm.Grains.Providers;

namespace Rayswarm.Benchmarks;

/// <summary>One SQLite file's group commit over a phase, from its instruments (<see cref="SqliteMetrics"/>): the share of
/// the wall-clock time its one writer was held, and the writes per commit.</summary>
public sealed class SqliteWriterMeter : IDisposable
{
    private readonly MeterListener _listener = new();
    private readonly long _started = Stopwatch.GetTimestamp();
    private readonly Lock _gate = new();
    private long _commits;
    private long _writes;
    private double _busySeconds;

    private SqliteWriterMeter(string database)
    {
        var path = Path.GetFullPath(database);
        _listener.InstrumentPublished = (instrument, listener) =>
        {
            if (instrument.Meter.Name == SqliteMetrics.MeterName && instrument.Name.StartsWith("rayswarm.sqlite.", StringComparison.Ordinal))
            {
                listener.EnableMeasurementEvents(instrument);
            }
        };
        _listener.SetMeasurementEventCallback<long>((instrument, value, tags, _) =>
        {
            if (!Of(path, tags)) { return; }
            lock (_gate)
            {
                if (instrument.Name == "rayswarm.sqlite.commits") { _commits += value; } else { _writes += value; }
            }
        });
        _listener.SetMeasurementEventCallback<double>((_, value, tags, _) =>
        {
            if (!Of(path, tags)) { return; }
            lock (_gate) { _busySeconds += value; }
        });
        _listener.Start();
    }

    /// <summary>Starts measuring the file at <paramref name="database"/>.</summary>
    public static SqliteWriterMeter Start(string database) => new(database);

    /// <summary>What was measured since the start: the writer's busy share (0..1), commits per second and writes per commit.</summary>
    public (double BusyShare, double CommitsPerSecond, double WritesPerCommit) Read()
    {
        var elapsed = Stopwatch.GetElapsedTime(_started).TotalSeconds;
        lock (_gate)
        {
            return (_busySeconds / elapsed, _commits / elapsed, _commits == 0 ? 0 : _writes / (double)_commits);
        }
    }

    public void Dispose() => _listener.Dispose();

    private static bool Of(string path, ReadOnlySpan<KeyValuePair<string, object?>> tags)
    {
        foreach (var tag in tags)
        {
            if (tag.Key == SqliteMetrics.DatabaseTag) { return Equals(tag.Value, path); }
        }
        return false;
    }
}
