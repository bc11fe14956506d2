namespace Rayswarm.Grains.Providers.Tests.Streaming;

/// <summary>
/// Delivery through Orleans on a two-silo cluster, run against every log store. Each test uses namespaces and consumers of
/// its own, so the tests of a class share one cluster.
/// </summary>
public abstract partial class EventDeliveryContract(ClusterFixture fixture)
{
    protected EventLogCluster Cluster => fixture.Cluster;

    private static string NewNamespace() => "ns" + Guid.NewGuid().ToString("N")[..10];

    private static string NewConsumer(string name) => name + "-" + Guid.NewGuid().ToString("N")[..10];

    private IEventStreams Streams(int silo = 0) => Cluster.Streams(silo);

    private async Task<StreamSubscriptionHandle> SubscribeAsync(string ns, string pattern, string consumer) =>
        await Streams(1).SubscribeAsync(ns, pattern, Cluster.Consumer(consumer));

    private static Task WaitForAsync(string consumer, int count) =>
        Eventually.True(() => Deliveries.Of(consumer).Count >= count, $"{consumer} to receive {count} events (has {Deliveries.Of(consumer).Count})");

    private static Dictionary<string, long[]> SequencesByKey(IEnumerable<StreamEvent> events) =>
        events.GroupBy(e => e.Stream.StreamKey()).ToDictionary(g => g.Key, g => g.Select(e => e.Sequence).ToArray());

    private static long[] Range(int from, int to) => [.. Enumerable.Range(from, to - from + 1).Select(i => (long)i)];

    [Fact]
    public async Task A_pattern_subscriber_receives_every_matching_event_in_per_stream_order_and_nothing_else()
    {
        string ns = NewNamespace(), consumer = NewConsumer("ml");
        var handle = await SubscribeAsync(ns, "ml.*", consumer);
        string[] keys = ["ml.a", "ml.b", "ml.a.b", "ml", "other.a"];

        for (var i = 0; i < 15; i++)
        {
            foreach (var key in keys) { await Streams(i % 2).PublishAsync(StreamId.Create(ns, key), new Reading(key, i)); }
            await Streams().PublishAsync(StreamId.Create(NewNamespace(), "ml.a"), new Reading("elsewhere", i));
        }
        await WaitForAsync(consumer, 30);
        await Streams().PublishAsync(StreamId.Create(ns, "ml.z"), new Reading("last", 0));
        await WaitForAsync(consumer, 31);

        var received = SequencesByKey(Deliveries.Of(consumer));
        Assert.Equal(["ml.a", "ml.b", "ml.z"], received.Keys.Order());
        Assert.Equal(Range(1, 15), received["ml.a"]);
        Assert.Equal(Range(1, 15), received["ml.b"]);
        Assert.All(Deliveries.SubscriptionsOf(consumer), s => Assert.Equal(handle.Id, s));
        Assert.Equal(Enumerable.Range(0, 15), Deliveries.Of(consumer).Where(e => e.Stream.StreamKey() == "ml.a").Select(e => e.As<Reading>()!.Value));
    }

    [Fact]
    public async Task Hash_matches_any_number_of_segments_and_star_alone_matches_every_key()
    {
        string ns = NewNamespace(), hash = NewConsumer("hash"), star = NewConsumer("star");
        await SubscribeAsync(ns, "ml.#", hash);
        await SubscribeAsync(ns, "*", star);
        string[] keys = ["ml", "ml.a", "ml.a.b", "mlx", "x.ml"];

        foreach (var key in keys) { await Streams().PublishAsync(StreamId.Create(ns, key), new Reading(key, 1)); }
        await WaitForAsync(star, keys.Length);
        await Streams().PublishAsync(StreamId.Create(ns, "ml.end"), new Reading("end", 1));
        await WaitForAsync(hash, 4);
        await WaitForAsync(star, keys.Length + 1);

        Assert.Equal(["ml", "ml.a", "ml.a.b", "ml.end"], Deliveries.Of(hash).Select(e => e.Stream.StreamKey()).Order(StringComparer.Ordinal));
        Assert.Equal(keys.Append("ml.end").Order(StringComparer.Ordinal), Deliveries.Of(star).Select(e => e.Stream.StreamKey()).Order(StringComparer.Ordinal));
    }

    [Fact]
    public async Task A_subscriber_created_after_some_events_gets_only_the_later_ones()
    {
        string ns = NewNamespace(), consumer = NewConsumer("late");
        var stream = StreamId.Create(ns, "ml.a");
        for (var i = 0; i < 3; i++) { await Streams().PublishAsync(stream, new Reading("early", i)); }

        await SubscribeAsync(ns, "ml.*", consumer);
        for (var i = 0; i < 3; i++) { await Streams(1).PublishAsync(stream, new Reading("late", i)); }
        await WaitForAsync(consumer, 3);

        Assert.Equal(Range(4, 6), Deliveries.Of(consumer).Select(e => e.Sequence));
        Assert.All(Deliveries.Of(consumer), e => Assert.Equal("late", e.As<Reading>()!.Sensor));
    }

    [Fact]
    public async Task Publishing_with_an_event_id_is_idempotent()
    {
        string ns = NewNamespace(), consumer = NewConsumer("idem");
        await SubscribeAsync(ns, "*", consumer);
        var stream = StreamId.Create(ns, "orders");

        var first = await Streams().PublishAsync(stream, new Reading("a", 1), eventId: "order-1-" + ns);
        var again = await Streams(1).PublishAsync(stream, new Reading("a", 2), eventId: "order-1-" + ns);
        var next = await Streams().PublishAsync(stream, new Reading("a", 3));
        await WaitForAsync(consumer, 2);

        Assert.Equal(first, again);
        Assert.True(first.Position > 0);
        Assert.Equal(1, first.Sequence);
        Assert.Equal(2, next.Sequence);
        Assert.Equal([first.EventId, next.EventId], (await Streams().ReadStreamAsync(stream)).Select(e => e.EventId));
        Assert.Equal([1L, 2], Deliveries.Of(consumer).Select(e => e.Sequence));
        Assert.Equal(1, Deliveries.Of(consumer)[0].As<Reading>()!.Value);
    }

    [Fact]
    public async Task Subscribing_the_same_triple_again_returns_the_same_subscription()
    {
        string ns = NewNamespace(), consumer = NewConsumer("twice");

        var first = await SubscribeAsync(ns, "ml.*", consumer);
        var again = await Streams(0).SubscribeAsync(ns, "ml.*", Cluster.Consumer(consumer));
        var other = await SubscribeAsync(ns, "ml.#", consumer);

        Assert.Equal(first, again);
        Assert.NotEqual(first.Id, other.Id);
        Assert.Equal(Cluster.Consumer(consumer), first.Subscriber);
        Assert.Single(await Streams().GetSubscriptionsAsync(), s => s.Id == first.Id);
        await Assert.ThrowsAsync<FormatException>(() => Streams().SubscribeAsync(ns, "ml.x*", Cluster.Consumer(consumer)));
    }
}
