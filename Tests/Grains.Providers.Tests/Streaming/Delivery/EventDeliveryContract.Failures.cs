namespace Rayswarm.Grains.Providers.Tests.Streaming;

// Retries, dead letters and unsubscribing.
public abstract partial class EventDeliveryContract
{
    [Fact]
    public async Task A_consumer_that_throws_fewer_times_than_the_attempts_gets_the_event_again()
    {
        string ns = NewNamespace(), consumer = NewConsumer("flaky");
        Deliveries.FailFirst(consumer, 2); // the test options allow 3 attempts
        var handle = await SubscribeAsync(ns, "*", consumer);
        var stream = StreamId.Create(ns, "jobs");

        var first = await Streams().PublishAsync(stream, new Reading("a", 1));
        var second = await Streams().PublishAsync(stream, new Reading("a", 2));
        await WaitForAsync(consumer, 2);

        Assert.Equal([1L, 2], Deliveries.Of(consumer).Select(e => e.Sequence));
        Assert.Equal(3, Deliveries.AttemptsAt(consumer, first.EventId));
        Assert.Equal(3, Deliveries.AttemptsAt(consumer, second.EventId));
        Assert.Empty(await Streams().GetDeadLettersAsync(handle.Id));
    }

    [Fact]
    public async Task A_consumer_that_always_throws_ends_in_dead_letters_while_later_events_still_flow()
    {
        string ns = NewNamespace(), consumer = NewConsumer("poisoned"), healthy = NewConsumer("healthy");
        var handle = await SubscribeAsync(ns, "*", consumer);
        await SubscribeAsync(ns, "*", healthy);
        var stream = StreamId.Create(ns, "jobs");
        var poison = "poison-" + ns;
        Deliveries.Poison(consumer, poison);

        await Streams().PublishAsync(stream, new Reading("ok", 1));
        var parked = await Streams().PublishAsync(stream, new Reading("bad", 2), eventId: poison);
        await Streams().PublishAsync(stream, new Reading("ok", 3));
        await WaitForAsync(consumer, 2);
        await WaitForAsync(healthy, 3);

        Assert.Equal([1L, 3], Deliveries.Of(consumer).Select(e => e.Sequence));
        Assert.Equal([1L, 2, 3], Deliveries.Of(healthy).Select(e => e.Sequence));
        var letter = Assert.Single(await Streams(1).GetDeadLettersAsync(handle.Id));
        Assert.Equal(handle.Id, letter.SubscriptionId);
        Assert.Equal(3, letter.Attempts);
        Assert.Equal((parked.Stream, parked.Sequence, parked.EventId), (letter.Event.Stream, letter.Event.Sequence, letter.Event.EventId));
        Assert.Contains("refuses event 2", letter.Error, StringComparison.Ordinal);
        Assert.Equal(3, Deliveries.AttemptsAt(consumer, poison));
    }

    [Fact]
    public async Task Unsubscribing_stops_delivery()
    {
        string ns = NewNamespace(), leaving = NewConsumer("leaving"), staying = NewConsumer("staying");
        var handle = await SubscribeAsync(ns, "*", leaving);
        await SubscribeAsync(ns, "*", staying);
        var stream = StreamId.Create(ns, "news");
        await Streams().PublishAsync(stream, new Reading("a", 1));
        await WaitForAsync(leaving, 1);

        Assert.True(await Streams(0).UnsubscribeAsync(handle.Id));
        Assert.False(await Streams(1).UnsubscribeAsync(handle.Id));
        await Eventually.True(async () => await EverySiloForgotAsync(handle.Id), "every silo to drop the subscription from its catalog");
        for (var i = 2; i <= 4; i++) { await Streams(i % 2).PublishAsync(stream, new Reading("a", i)); }
        await WaitForAsync(staying, 4);

        Assert.Equal([1L], Deliveries.Of(leaving).Select(e => e.Sequence));
        Assert.DoesNotContain(await Streams().GetSubscriptionsAsync(), s => s.Id == handle.Id);
    }

    private async Task<bool> EverySiloForgotAsync(string subscriptionId)
    {
        foreach (var silo in Cluster.Cluster.Silos)
        {
            var catalog = Microsoft.Extensions.DependencyInjection.ServiceProviderServiceExtensions.GetRequiredService<EventLogRuntime>(silo.ServiceProvider).Catalog;
            if ((await catalog.GetAsync(CancellationToken.None)).Any(s => s.Id == subscriptionId)) { return false; }
        }
        return true;
    }
}
