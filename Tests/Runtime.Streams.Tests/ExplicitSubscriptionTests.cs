using Rayswarm.Runtime.Abstractions;
using Rayswarm.Runtime.Core;
using Rayswarm.Testing;

namespace Rayswarm.Runtime.Streams.Tests;

public sealed class ExplicitSubscriptionTests
{
    private static readonly CancellationToken None = CancellationToken.None;
    private readonly ManualClock _clock = new();
    private readonly MemoryStreamLog _log;

    public ExplicitSubscriptionTests() => _log = new MemoryStreamLog(_clock);

    [Fact]
    public async Task A_subscription_receives_matching_streams_published_after_it_was_created()
    {
        var recorder = new DeliveryRecorder();
        await using var agent = await Streams.StartAgentAsync(_log, recorder, implicitSubscriptions: []);
        await _log.PublishAsync(new StreamId("ml", "ml.a"), 1);

        _clock.Advance(TimeSpan.FromSeconds(1));
        var subscriber = new GrainId("Watcher", "w1");
        await _log.AddSubscriptionAsync(new("sub-1", "ml", "ml.*", subscriber, _clock.GetUtcNow()), None);
        await agent.RefreshSubscriptionsAsync();
        _clock.Advance(TimeSpan.FromSeconds(1));
        await _log.PublishAsync(new StreamId("ml", "ml.a"), 1);
        await _log.PublishAsync(new StreamId("ml", "ml.a.b"), 1);
        await _log.PublishAsync(new StreamId("other", "ml.a"), 1);
        await _log.PublishAsync(new StreamId("ml", "ml.b"), 1);
        agent.Notify();

        await Eventually.True(() => recorder.DeliveredCount == 2, "ml.a#2 and ml.b#1 delivered");
        Assert.Equal([("ml.a", 2L), ("ml.b", 1L)], recorder.Delivered.Select(d => (d.Event.Stream.Key, d.Event.Sequence)).Order());
        Assert.All(recorder.Delivered, d => Assert.Equal(("sub-1", subscriber), (d.SubscriptionId, d.Subscriber)));
    }

    [Fact]
    public async Task A_subscription_added_elsewhere_is_found_by_the_periodic_refresh_without_missing_events()
    {
        var recorder = new DeliveryRecorder();
        await using var agent = await Streams.StartAgentAsync(_log, recorder, implicitSubscriptions: []);
        var stream = new StreamId("ml", "ml.a");

        await _log.AddSubscriptionAsync(new("sub-1", "ml", "#", new GrainId("Watcher", "w1"), _clock.GetUtcNow()), None);
        // Published and likely read before the agent knows the subscription: the refresh re-reads them.
        await _log.PublishAsync(stream, 3);
        agent.Notify();

        await Eventually.True(() => recorder.DeliveredCount == 3, "events published after the subscription delivered");
        Assert.Equal([1L, 2L, 3L], recorder.SequencesOf(stream));
    }

    [Fact]
    public async Task A_removed_subscription_receives_nothing_more()
    {
        var recorder = new DeliveryRecorder();
        await using var agent = await Streams.StartAgentAsync(_log, recorder, implicitSubscriptions: []);
        var stream = new StreamId("ml", "ml.a");
        await _log.AddSubscriptionAsync(new("sub-1", "ml", "ml.a", new GrainId("Watcher", "w1"), _clock.GetUtcNow()), None);
        await agent.RefreshSubscriptionsAsync();
        await _log.PublishAsync(stream, 1);
        agent.Notify();
        await Eventually.True(() => recorder.DeliveredCount == 1, "first event delivered");

        Assert.True(await _log.RemoveSubscriptionAsync("sub-1", None));
        await agent.RefreshSubscriptionsAsync();
        _clock.Advance(TimeSpan.FromSeconds(1));
        await _log.PublishAsync(stream, 1);
        _clock.Advance(TimeSpan.FromSeconds(1));
        await _log.AddSubscriptionAsync(new("sub-2", "ml", "ml.a", new GrainId("Watcher", "w2"), _clock.GetUtcNow()), None);
        await agent.RefreshSubscriptionsAsync();
        _clock.Advance(TimeSpan.FromSeconds(1));
        await _log.PublishAsync(stream, 1);
        agent.Notify();

        // Once the checkpoint covers event 3, every event is finished for every subscription.
        await Eventually.True(async () => await _log.ReadCheckpointAsync(StreamPartitions.Of(stream), None) == 3, "all events finished");
        Assert.Equal([("sub-1", 1L), ("sub-2", 3L)], recorder.Delivered.Select(d => (d.SubscriptionId, d.Event.Sequence)));
    }
}
