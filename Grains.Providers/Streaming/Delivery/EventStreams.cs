using System.Text.Json;

namespace Rayswarm.Grains.Providers;

/// <summary>The silo's <see cref="IEventStreams"/>: publishes through the group commit, subscriptions in the log.</summary>
internal sealed partial class EventStreams(EventLogRuntime runtime, IGrainFactory grains) : IEventStreams
{
    private IStreamLog Log => runtime.Log;

    public async Task<StreamEvent> PublishAsync<T>(StreamId stream, T data, string? eventId = null, CancellationToken cancellationToken = default)
    {
        StreamIdText.Validate(stream, nameof(stream));
        var json = JsonSerializer.Serialize(data, StreamJson.Options);
        var append = eventId is null
            ? NewStreamEvent.WithMintedId(stream, json)
            : new NewStreamEvent(stream, eventId, json);
        var stored = await runtime.AppendAsync(append).WaitAsync(cancellationToken);
        return stored.Event;
    }

    public async Task<StreamSubscriptionHandle> SubscribeAsync(string streamNamespace, string pattern, GrainId subscriber, CancellationToken cancellationToken = default)
    {
        ArgumentException.ThrowIfNullOrEmpty(streamNamespace);
        _ = new StreamPattern(pattern); // validates, with a clear FormatException
        if (subscriber.IsDefault) { throw new ArgumentException("The subscriber must be a grain id.", nameof(subscriber)); }
        // Every event stored after this position is the subscription's (read before storing it, so none published after
        // SubscribeAsync returns can be below it).
        var start = await Log.HeadPositionAsync(cancellationToken);
        var now = runtime.Time.GetUtcNow();
        var createdAt = new DateTimeOffset(now.UtcTicks - (now.UtcTicks % TimeSpan.TicksPerMillisecond), TimeSpan.Zero);
        var added = await Log.AddSubscriptionAsync(
            new StreamSubscription(Guid.NewGuid().ToString("N"), streamNamespace, pattern, subscriber, createdAt, start), cancellationToken);
        runtime.Catalog.Invalidate();
        return ToHandle(added);
    }

    public async Task<bool> UnsubscribeAsync(string subscriptionId, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(subscriptionId);
        var removed = await Log.RemoveSubscriptionAsync(subscriptionId, cancellationToken);
        runtime.Catalog.Invalidate();
        return removed;
    }

    public async Task<IReadOnlyList<StreamSubscriptionHandle>> GetSubscriptionsAsync(CancellationToken cancellationToken = default) =>
        [.. (await Log.ReadSubscriptionsAsync(cancellationToken)).Select(ToHandle)];

    public async Task<StreamHistoryPage> ReadHistoryAsync(string streamNamespace, string? pattern = null, long afterPosition = 0, DateTimeOffset? since = null, int limit = 100, CancellationToken cancellationToken = default)
    {
        ArgumentException.ThrowIfNullOrEmpty(streamNamespace);
        ArgumentOutOfRangeException.ThrowIfLessThan(limit, 1);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(limit, 1000);
        var events = await Log.ReadHistoryAsync(streamNamespace, pattern is null ? null : new StreamPattern(pattern), afterPosition, since, limit, cancellationToken);
        return new StreamHistoryPage([.. events.Select(e => e.Event)], events.Count > 0 ? events[^1].Position : afterPosition, events.Count == limit);
    }

    public async Task<IReadOnlyList<StreamEvent>> ReadStreamAsync(StreamId stream, long afterSequence = 0, int limit = 100, CancellationToken cancellationToken = default)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(limit, 1);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(limit, 1000);
        return [.. (await Log.ReadStreamAsync(stream, afterSequence, limit, cancellationToken)).Select(e => e.Event)];
    }

    public async Task<IReadOnlyList<StreamDeadLetter>> GetDeadLettersAsync(string? subscriptionId = null, int limit = 100, bool oldestFirst = false, CancellationToken cancellationToken = default) =>
        [.. (await Log.ReadDeadLettersAsync(subscriptionId, limit, oldestFirst, cancellationToken)).Select(d => new StreamDeadLetter(d.Subscription, d.Event, d.Error, d.Attempts, d.ParkedAt))];

    public async Task<StreamStats> GetStatsAsync(string? streamNamespace = null, CancellationToken cancellationToken = default)
    {
        var heads = await Log.ReadStreamHeadsAsync(streamNamespace, cancellationToken);
        var subscriptions = (await Log.ReadSubscriptionsAsync(cancellationToken))
            .Where(s => streamNamespace is null || string.Equals(s.Namespace, streamNamespace, StringComparison.Ordinal));
        var perSubscription = new List<SubscriptionStats>();
        foreach (var subscription in subscriptions)
        {
            var routed = new RoutedSubscription(subscription);
            var cursors = (await Log.ReadCursorsAsync(subscription.Id, cancellationToken)).ToDictionary(c => c.Stream, c => c.Sequence);
            var matching = heads.Where(h => routed.Matches(h.Stream)).ToList();
            var published = matching.Sum(h => h.LastSequence);
            var finished = matching.Sum(h => Math.Min(h.LastSequence, cursors.GetValueOrDefault(h.Stream)));
            perSubscription.Add(new SubscriptionStats(subscription.Id, subscription.Namespace, subscription.Pattern, subscription.Subscriber, published, finished, published - finished));
        }
        var counters = runtime.Counters;
        return new StreamStats(
            [.. heads.Select(h => new StreamCount(h.Stream, h.LastSequence))],
            perSubscription,
            runtime.PublishedBySilo,
            counters.Delivered,
            counters.FailedAttempts,
            counters.Parked);
    }

    private static StreamSubscriptionHandle ToHandle(StreamSubscription s) => new(s.Id, s.Namespace, s.Pattern, s.Subscriber, s.CreatedAt);
}
