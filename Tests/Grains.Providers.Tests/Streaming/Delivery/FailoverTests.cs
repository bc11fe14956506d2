using System.Collections.Concurrent;
using Orleans.TestingHost;

namespace Rayswarm.Grains.Providers.Tests.Streaming;

/// <summary>
/// A silo of a two-silo cluster on PostgreSQL stops or dies while events flow: every acknowledged event is still delivered
/// (at least once), each stream's events in order, with no gap. Its partitions move to the survivor, which resumes
/// them from their checkpoints; routers skip what subscriptions already finished.
/// </summary>
public sealed class FailoverTests(PostgresServer server) : IClassFixture<PostgresServer>
{
    private const int Streams = 8;
    private const int Events = 240;

    [Fact]
    public Task Stopping_a_silo_mid_flow_loses_no_acknowledged_event() => RunAsync((cluster, silo) => cluster.StopSiloAsync(silo));

    [Fact]
    public Task Killing_a_silo_mid_flow_loses_no_acknowledged_event() => RunAsync((cluster, silo) => cluster.KillSiloAsync(silo));

    private async Task RunAsync(Func<InProcessTestCluster, InProcessSiloHandle, Task> takeDown)
    {
        var connectionString = await server.CreateDatabaseAsync();
        await using var cluster = await EventLogCluster.StartAsync(2, _ => new PostgresStreamLog(new PostgresStorageOptions { ConnectionString = connectionString }));
        string ns = "failover", consumer = "survivor-" + Guid.NewGuid().ToString("N")[..10];
        var streams = cluster.Streams(0); // the silo that stays
        await streams.SubscribeAsync(ns, "#", cluster.Consumer(consumer));
        var acknowledged = new ConcurrentBag<StreamEvent>();

        async Task PublishAsync(int from, int to)
        {
            for (var i = from; i < to; i++)
            {
                acknowledged.Add(await streams.PublishAsync(StreamId.Create(ns, "s." + (i % Streams)), new Reading("s", i)));
            }
        }

        // Half before the silo goes (it is delivering its partitions' share when it goes), half after (its partitions
        // must have moved to the survivor for those to arrive).
        var before = Task.Run(() => PublishAsync(0, Events / 2));
        await Eventually.True(() => Deliveries.Of(consumer).Count >= Events / 8, "deliveries to be under way");
        await takeDown(cluster.Cluster, cluster.Cluster.Silos[1]);
        await before.Within(60_000);
        await PublishAsync(Events / 2, Events).Within(60_000);

        var expected = acknowledged.Select(e => e.EventId).ToHashSet();
        await Eventually.True(
            () => expected.IsSubsetOf(Deliveries.Of(consumer).Select(e => e.EventId)),
            $"every acknowledged event to be delivered (missing {expected.Except(Deliveries.Of(consumer).Select(e => e.EventId)).Count()})",
            90_000);
        foreach (var stream in Deliveries.Of(consumer).GroupBy(e => e.Stream))
        {
            // Redeliveries may repeat events; their first deliveries are in sequence order without gaps.
            var firsts = stream.Select(e => e.Sequence).Distinct().ToArray();
            Assert.Equal(Enumerable.Range(1, firsts.Length).Select(i => (long)i), firsts);
        }
        Assert.Equal(Events, Deliveries.Of(consumer).Select(e => e.EventId).Distinct().Count());
    }
}
