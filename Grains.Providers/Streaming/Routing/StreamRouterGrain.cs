using Microsoft.Extensions.Logging;
using Orleans.Streams;
using Orleans.Streams.Core;

namespace Rayswarm.Grains.Providers;

/// <summary>
/// Wildcard subscriptions on top of Orleans streams. Implicitly subscribed to every stream of the event log provider and
/// keyed by the stream key (one activation serves that key in every namespace), it receives each stream's events in order
/// from the partition's pulling agent and delivers each to every pattern subscription matching it: subscriptions of one
/// event concurrently, each subscription's events of one stream strictly in order, with retries and back-off, then a dead
/// letter. It completes an event only when every matching subscription finished it, so the partition checkpoint never
/// passes an unfinished event (at least once).
/// <list type="bullet">
/// <item>Events at or below a subscription's cursor are skipped (redeliveries after a failover).</item>
/// <item>A subscription receives events stored after its start position only.</item>
/// <item>A gap between a subscription's cursor and the event at hand (a subscription this silo learned about late, or an
/// event Orleans gave up on) is filled from the log first; a timer does the same for streams that get no further event.</item>
/// </list>
/// </summary>
[ImplicitStreamSubscription]
internal sealed partial class StreamRouterGrain(EventLogRuntime runtime, ILogger<StreamRouterGrain> logger)
    : Grain, IStreamRouterGrain, IStreamSubscriptionObserver, IAsyncObserver<StreamEvent>
{
    private const int PageSize = 256;
    private readonly Dictionary<StreamId, RoutedStream> _streams = [];

    public override Task OnActivateAsync(CancellationToken cancellationToken)
    {
        var period = runtime.Options.SubscriptionRefreshPeriod;
        this.RegisterGrainTimer(static (grain, _) => grain.CatchUpAsync(), this, new GrainTimerCreationOptions(period, period) { KeepAlive = false });
        return Task.CompletedTask;
    }

    public async Task OnSubscribed(IStreamSubscriptionHandleFactory handleFactory)
    {
        ArgumentNullException.ThrowIfNull(handleFactory);
        // The implicit subscription covers every namespace of every implicit-pubsub provider; only the event log's are routed.
        if (!string.Equals(handleFactory.ProviderName, EventLogStreams.ProviderName, StringComparison.Ordinal)) { return; }
        await handleFactory.Create<StreamEvent>().ResumeAsync(this);
    }

    public async Task OnNextAsync(StreamEvent item, StreamSequenceToken? token = null)
    {
        ArgumentNullException.ThrowIfNull(item);
        if (!_streams.TryGetValue(item.Stream, out var stream)) { _streams[item.Stream] = stream = new RoutedStream(item.Stream); }
        stream.LastSequence = Math.Max(stream.LastSequence, item.Sequence);
        var matching = await runtime.Catalog.MatchingAsync(item.Stream, CancellationToken.None);
        stream.Retain(matching);
        await Task.WhenAll(matching.Select(s => AdvanceAsync(stream, s, item, item.Sequence)));
    }

    public Task OnCompletedAsync() => Task.CompletedTask;

    public Task OnErrorAsync(Exception ex) => Task.CompletedTask;

    public async Task CatchUpAsync()
    {
        foreach (var stream in _streams.Values.ToList())
        {
            try
            {
                var matching = await runtime.Catalog.MatchingAsync(stream.Id, CancellationToken.None);
                stream.Retain(matching);
                await Task.WhenAll(matching.Select(s => AdvanceAsync(stream, s, null, stream.LastSequence)));
            }
            catch (Exception e)
            {
                LogCatchUpFailed(logger, e, stream.Id);
            }
        }
    }

    /// <summary>Brings one subscription's lane of <paramref name="stream"/> up to <paramref name="upTo"/>: the event at hand
    /// directly when it is next, otherwise the missing events from the log first.</summary>
    private async Task AdvanceAsync(RoutedStream stream, RoutedSubscription subscription, StreamEvent? atHand, long upTo)
    {
        var lane = stream.Lane(subscription.Id);
        lane.Cursor ??= await runtime.Log.ReadCursorAsync(subscription.Id, stream.Id, CancellationToken.None);
        if (lane.Cursor >= upTo) { return; }
        if (atHand is not null && atHand.Sequence == lane.Cursor + 1)
        {
            await FinishAsync(stream.Id, subscription, lane, atHand);
            return;
        }
        while (lane.Cursor < upTo)
        {
            var page = await runtime.Log.ReadStreamAsync(stream.Id, lane.Cursor.Value, PageSize, CancellationToken.None);
            foreach (var stored in page)
            {
                if (stored.Event.Sequence > upTo) { return; }
                await FinishAsync(stream.Id, subscription, lane, stored.Event);
            }
            if (page.Count < PageSize) { return; }
        }
    }

    /// <summary>Delivers one event (or skips it when it precedes the subscription) and moves the lane past it.</summary>
    private async Task FinishAsync(StreamId stream, RoutedSubscription subscription, StreamLane lane, StreamEvent streamEvent)
    {
        if (streamEvent.Position > subscription.Subscription.StartPosition)
        {
            await DeliverAsync(subscription, streamEvent);
            runtime.Cursors.Stage(new StreamCursor(subscription.Id, stream, streamEvent.Sequence));
        }
        lane.Cursor = streamEvent.Sequence;
    }
}
