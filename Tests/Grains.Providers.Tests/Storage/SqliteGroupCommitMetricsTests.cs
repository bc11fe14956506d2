using System.Collections.Concurrent;
using System.Diagnostics;
using System.Diagnostics.Metrics;

namespace Rayswarm.Grains.Providers.Tests.Storage;

/// <summary>The group commit's instruments (meter <c>Rayswarm</c>, docs/operations.md), read for this test's file alone:
/// the meter is process-wide and other tests write other files at the same time.</summary>
public sealed class SqliteGroupCommitMetricsTests(SqliteFile file) : IClassFixture<SqliteFile>
{
    [Fact]
    public async Task A_group_commit_counts_its_writes_and_the_time_it_held_the_writer()
    {
        var path = file.NewPath();
        var storage = StorageUnderTest.Open(path);
        await storage.InitializeAsync(CancellationToken.None);
        var grains = Enumerable.Range(0, 20).Select(_ => TestGrainIds.Unique()).ToArray();
        var totals = new ConcurrentDictionary<string, double>();
        using var listener = Listen(path, totals);

        // Hold the file's write lock from outside: the first commit waits for it while the rest queue behind it.
        var elapsed = Stopwatch.StartNew();
        await using var other = await file.OpenForeignConnectionAsync(path);
        var transaction = other.BeginTransaction(deferred: false);
        var writes = grains.Select(g => Task.Run(() => storage.WriteAsync(g, 1, null))).ToArray();
        await Eventually.True(() => storage.UnfinishedWrites == grains.Length, "every write queued behind the held lock");
        transaction.Commit();
        await Task.WhenAll(writes);
        elapsed.Stop();

        Assert.Equal(grains.Length, totals.GetValueOrDefault("rayswarm.sqlite.writes"));
        // The first batch was taken before the lock let go and the rest queued behind it: one or two commits, not twenty.
        Assert.InRange(totals.GetValueOrDefault("rayswarm.sqlite.commits"), 1, 2);
        // In seconds, and only while this file's writer was held: within the test's own time.
        var busy = totals.GetValueOrDefault("rayswarm.sqlite.writer.busy");
        Assert.True(busy > 0 && busy <= elapsed.Elapsed.TotalSeconds, $"writer busy {busy:F4} s in a test of {elapsed.Elapsed.TotalSeconds:F4} s");
    }

    private static MeterListener Listen(string path, ConcurrentDictionary<string, double> totals)
    {
        var listener = new MeterListener
        {
            InstrumentPublished = (instrument, l) =>
            {
                if (instrument.Meter.Name == SqliteMetrics.MeterName) { l.EnableMeasurementEvents(instrument); }
            },
        };
        void Record(Instrument instrument, double value, ReadOnlySpan<KeyValuePair<string, object?>> tags)
        {
            foreach (var tag in tags)
            {
                if (tag.Key == SqliteMetrics.DatabaseTag && Equals(tag.Value, path))
                {
                    totals.AddOrUpdate(instrument.Name, value, (_, sum) => sum + value);
                }
            }
        }
        listener.SetMeasurementEventCallback<long>((instrument, value, tags, _) => Record(instrument, value, tags));
        listener.SetMeasurementEventCallback<double>((instrument, value, tags, _) => Record(instrument, value, tags));
        listener.Start();
        return listener;
    }
}
