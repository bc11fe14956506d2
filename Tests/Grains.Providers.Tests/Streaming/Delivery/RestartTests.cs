using System.Globalization;
using Microsoft.Data.Sqlite;

namespace Rayswarm.Grains.Providers.Tests.Streaming;

/// <summary>
/// A silo on a SQLite file restarts: its partitions resume from their checkpoints, events stored while it was down are
/// delivered, and events the subscription already finished are skipped by its cursor.
/// </summary>
public sealed class RestartTests : IDisposable
{
    private readonly string _folder = Path.Combine(Path.GetTempPath(), "rayswarm-restart-" + Guid.NewGuid().ToString("N")[..12]);

    [Fact]
    public async Task After_a_restart_events_stored_meanwhile_arrive_and_finished_ones_are_not_delivered_again()
    {
        var options = new SqliteStorageOptions { DatabasePath = Path.Combine(_folder, "events.db") };
        string ns = "restart", consumer = "restarted-" + Guid.NewGuid().ToString("N")[..10];
        var stream = StreamId.Create(ns, "orders");

        await using (var first = await EventLogCluster.StartAsync(1, _ => new SqliteStreamLog(options)))
        {
            await first.Streams().SubscribeAsync(ns, "*", first.Consumer(consumer));
            for (var i = 1; i <= 5; i++) { await first.Streams().PublishAsync(stream, new Reading("before", i)); }
            await Eventually.True(() => Deliveries.Of(consumer).Count == 5, "the first five events to be delivered");
        }

        var offline = new SqliteStreamLog(options);
        await offline.AppendAsync([.. Enumerable.Range(6, 3).Select(i => new NewStreamEvent(stream, "offline-" + i, string.Create(CultureInfo.InvariantCulture, $$"""{"sensor":"offline","value":{{i}}}""")))], CancellationToken.None);

        await using (var second = await EventLogCluster.StartAsync(1, _ => new SqliteStreamLog(options)))
        {
            await second.Streams().PublishAsync(stream, new Reading("after", 9));
            await Eventually.True(() => Deliveries.Of(consumer).Count >= 9, "the events stored while down and after the restart");
            await second.Streams().PublishAsync(stream, new Reading("after", 10));
            await Eventually.True(() => Deliveries.Of(consumer).Count >= 10, "the last event");
        }

        Assert.Equal(Enumerable.Range(1, 10).Select(i => (long)i), Deliveries.Of(consumer).Select(e => e.Sequence));
        Assert.Equal(Enumerable.Range(1, 10), Deliveries.Of(consumer).Select(e => e.As<Reading>()!.Value));
    }

    public void Dispose()
    {
        SqliteConnection.ClearAllPools();
        if (Directory.Exists(_folder)) { Directory.Delete(_folder, recursive: true); }
    }
}
