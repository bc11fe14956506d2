using System.Collections.Concurrent;
using Rayswarm.Runtime.Abstractions;
using Rayswarm.Runtime.Core;
using Rayswarm.Testing;

namespace Rayswarm.Runtime.Streams.Tests;

public sealed class DeliveryOrderingTests
{
    [Fact]
    public async Task Events_of_each_stream_arrive_in_order_one_at_a_time_while_streams_run_concurrently()
    {
        var log = new MemoryStreamLog();
        var recorder = new DeliveryRecorder();
        var inHandler = new ConcurrentDictionary<StreamId, int>();
        var overlapped = 0;
        var concurrent = 0;
        var peakConcurrent = 0;
        recorder.Handler = async (d, _) =>
        {
            if (inHandler.AddOrUpdate(d.Event.Stream, 1, (_, n) => n + 1) > 1) { Interlocked.Increment(ref overlapped); }
            var now = Interlocked.Increment(ref concurrent);
            InterlockedMax(ref peakConcurrent, now);
            await Task.Delay(Random.Shared.Next(0, 3));
            Interlocked.Decrement(ref concurrent);
            inHandler.AddOrUpdate(d.Event.Stream, 0, (_, n) => n - 1);
        };
        await using var agent = await Streams.StartAgentAsync(log, recorder);

        var streams = Enumerable.Range(0, 40).Select(i => Streams.Stream($"s{i}")).ToList();
        await Task.WhenAll(Enumerable.Range(0, 4).Select(_ => Task.Run(async () =>
        {
            for (var round = 0; round < 10; round++)
            {
                foreach (var stream in streams) { await log.PublishAsync(stream, 1); }
                agent.Notify();
            }
        })));

        await Eventually.True(() => recorder.DeliveredCount == 40 * 40, "every event delivered");
        foreach (var stream in streams)
        {
            Assert.Equal(Enumerable.Range(1, 40).Select(i => (long)i), recorder.SequencesOf(stream));
        }
        Assert.Equal(0, overlapped);
        Assert.True(peakConcurrent > 1, "different streams are delivered concurrently");
        Assert.Equal(1600, agent.Stats.Delivered);
        Assert.Equal(1600, agent.Stats.DeliveredBySubscription[Streams.Consumer.Id]);
    }

    [Fact]
    public async Task Notify_delivers_well_before_the_poll_period()
    {
        var log = new MemoryStreamLog();
        var recorder = new DeliveryRecorder();
        var options = Streams.FastOptions();
        options.PollPeriod = TimeSpan.FromMinutes(10);
        await using var agent = await Streams.StartAgentAsync(log, recorder, options);
        var stream = Streams.Stream("a");

        // The first read at start finds this one; after it the agent waits for the 10-minute poll or a Notify.
        await log.PublishAsync(stream, 1);
        agent.Notify();
        await Eventually.True(() => recorder.DeliveredCount == 1, "first event delivered");

        for (var i = 2; i <= 4; i++)
        {
            await log.PublishAsync(stream, 1);
            agent.Notify();
            var expected = i;
            await Eventually.True(() => recorder.DeliveredCount == expected, $"event {i} delivered after Notify", timeoutMs: 10_000);
        }
        Assert.Equal([1L, 2L, 3L, 4L], recorder.SequencesOf(stream));
    }

    [Fact]
    public async Task Implicit_subscriptions_route_to_the_grain_keyed_by_the_stream_key()
    {
        var log = new MemoryStreamLog();
        var recorder = new DeliveryRecorder();
        ImplicitSubscription[] implicits = [new("orders", "OrderGrain"), new("audit", "AuditGrain")];
        await using var agent = await Streams.StartAgentAsync(log, recorder, implicitSubscriptions: implicits);

        await log.PublishAsync(new StreamId("orders", "o-1"), 2);
        await log.PublishAsync(new StreamId("audit", "x"), 1);
        await log.PublishAsync(new StreamId("unrelated", "o-1"), 1);
        agent.Notify();

        await Eventually.True(() => recorder.DeliveredCount == 3, "orders and audit events delivered");
        var orders = recorder.Delivered.Where(d => d.Event.Stream.Namespace == "orders").ToList();
        Assert.All(orders, d => Assert.Equal(new GrainId("OrderGrain", "o-1"), d.Subscriber));
        Assert.All(orders, d => Assert.Equal("implicit:OrderGrain:orders", d.SubscriptionId));
        Assert.Equal(new GrainId("AuditGrain", "x"), recorder.Delivered.Single(d => d.Event.Stream.Namespace == "audit").Subscriber);
        Assert.DoesNotContain(recorder.Delivered, d => d.Event.Stream.Namespace == "unrelated");
        Assert.Equal(2, await log.ReadCursorAsync("implicit:OrderGrain:orders", new StreamId("orders", "o-1"), CancellationToken.None));
        Assert.Equal(0, await agent.LagAsync("implicit:OrderGrain:orders", new StreamId("orders", "o-1")));
    }

    private static void InterlockedMax(ref int target, int value)
    {
        var seen = Volatile.Read(ref target);
        while (value > seen)
        {
            var previous = Interlocked.CompareExchange(ref target, value, seen);
            if (previous == seen) { return; }
            seen = previous;
        }
    }
}
