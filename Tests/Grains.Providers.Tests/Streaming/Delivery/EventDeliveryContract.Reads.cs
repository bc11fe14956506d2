namespace Rayswarm.Grains.Providers.Tests.Streaming;

// History, stats, and publishing through Orleans' stream API.
public abstract partial class EventDeliveryContract
{
    [Fact]
    public async Task History_pages_by_position_and_filters_by_time_and_pattern()
    {
        var ns = NewNamespace();
        var early = new List<StreamEvent>();
        foreach (var key in (string[])["ml.a", "x", "ml.b", "ml.a"]) { early.Add(await Streams().PublishAsync(StreamId.Create(ns, key), new Reading(key, 1))); }
        await Eventually.True(() => DateTimeOffset.UtcNow > early[^1].PublishedAt.AddMilliseconds(2), "the clock to pass the last publish");
        var late = await Streams(1).PublishAsync(StreamId.Create(ns, "ml.c"), new Reading("ml.c", 2));

        var all = await Streams().ReadHistoryAsync(ns);
        var firstPage = await Streams().ReadHistoryAsync(ns, "ml.*", limit: 2);
        var secondPage = await Streams().ReadHistoryAsync(ns, "ml.*", afterPosition: firstPage.NextPosition, limit: 2);
        var since = await Streams().ReadHistoryAsync(ns, since: late.PublishedAt);

        Assert.Equal([.. early.Select(e => e.EventId), late.EventId], all.Events.Select(e => e.EventId));
        Assert.False(all.HasMore);
        Assert.Equal([early[0].EventId, early[2].EventId], firstPage.Events.Select(e => e.EventId));
        Assert.True(firstPage.HasMore);
        Assert.Equal(early[2].Position, firstPage.NextPosition);
        Assert.Equal([early[3].EventId, late.EventId], secondPage.Events.Select(e => e.EventId));
        Assert.Equal([late.EventId], since.Events.Select(e => e.EventId));
        Assert.Equal([1L, 2], (await Streams().ReadStreamAsync(StreamId.Create(ns, "ml.a"))).Select(e => e.Sequence));
        Assert.Equal([2L], (await Streams().ReadStreamAsync(StreamId.Create(ns, "ml.a"), afterSequence: 1)).Select(e => e.Sequence));
    }

    [Fact]
    public async Task Stats_count_published_events_finished_deliveries_lag_and_dead_letters()
    {
        string ns = NewNamespace(), consumer = NewConsumer("counted"), failing = NewConsumer("failing");
        var counted = await SubscribeAsync(ns, "ml.*", consumer);
        var parking = await SubscribeAsync(ns, "x", failing);
        Deliveries.FailFirst(failing, -1);
        var before = await TotalsAsync();

        foreach (var key in (string[])["ml.a", "ml.a", "ml.b", "x", "ml.a"]) { await Streams().PublishAsync(StreamId.Create(ns, key), new Reading(key, 1)); }
        await WaitForAsync(consumer, 4);
        await Eventually.True(async () => (await Streams().GetDeadLettersAsync(parking.Id)).Count == 1, "the failing subscriber's event to be parked");

        await Eventually.True(async () =>
        {
            var stats = await Streams().GetStatsAsync(ns);
            return stats.Subscriptions.Single(s => s.Id == counted.Id).Finished == 4 && stats.Subscriptions.Single(s => s.Id == parking.Id).Finished == 1;
        }, "the cursors to be committed");
        var stats = await Streams(1).GetStatsAsync(ns);
        Assert.Equal([("ml.a", 3L), ("ml.b", 1L), ("x", 1L)], stats.Streams.Select(s => (s.Stream.StreamKey(), s.Published)).Order());
        var mine = stats.Subscriptions.Single(s => s.Id == counted.Id);
        Assert.Equal((ns, "ml.*", Cluster.Consumer(consumer), 4L, 4L, 0L), (mine.Namespace, mine.Pattern, mine.Subscriber, mine.Published, mine.Finished, mine.Lag));
        Assert.Equal(2, stats.Subscriptions.Count);
        Assert.DoesNotContain((await Streams().GetStatsAsync(NewNamespace())).Subscriptions, s => s.Id == counted.Id);
        var after = await TotalsAsync();
        Assert.True(after.Published - before.Published >= 5, $"published {after.Published - before.Published}");
        Assert.True(after.Delivered - before.Delivered >= 4, $"delivered {after.Delivered - before.Delivered}");
        Assert.True(after.Failed - before.Failed >= 3, $"failed {after.Failed - before.Failed}");
        Assert.True(after.Parked - before.Parked >= 1, $"parked {after.Parked - before.Parked}");
    }

    [Fact]
    public async Task Events_published_with_the_Orleans_stream_api_are_stored_and_delivered()
    {
        string ns = NewNamespace(), consumer = NewConsumer("orleans");
        await SubscribeAsync(ns, "sensors.*", consumer);

        for (var i = 1; i <= 3; i++) { await Cluster.Client.GetGrain<IPublisherGrain>(ns).Publish(ns, "sensors.t1", new Reading("t1", i)); }
        await WaitForAsync(consumer, 3);

        var received = Deliveries.Of(consumer);
        Assert.Equal([1L, 2, 3], received.Select(e => e.Sequence));
        Assert.Equal([1, 2, 3], received.Select(e => e.As<Reading>()!.Value));
        Assert.Equal(3, received.Select(e => e.EventId).Distinct().Count());
        Assert.All(received, e => Assert.True(e.Position > 0));
        Assert.Equal(received.Select(e => e.EventId), (await Streams().ReadStreamAsync(StreamId.Create(ns, "sensors.t1"))).Select(e => e.EventId));
    }

    private async Task<(long Published, long Delivered, long Failed, long Parked)> TotalsAsync()
    {
        var stats = await Task.WhenAll(Cluster.Cluster.Silos.Select((_, i) => Streams(i).GetStatsAsync(NewNamespace())));
        return (stats.Sum(s => s.PublishedBySilo), stats.Sum(s => s.DeliveredBySilo), stats.Sum(s => s.FailedAttempts), stats.Sum(s => s.Parked));
    }
}
