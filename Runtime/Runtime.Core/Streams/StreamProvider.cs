using System.Text.Json;
using Rayswarm.Runtime.Abstractions;

namespace Rayswarm.Runtime.Core;

/// <summary>The silo's <see cref="IStreamProvider"/>: publishes through the group-committing publisher, subscriptions in the log.</summary>
internal sealed class StreamProvider(IStreamLog log, StreamsService service, TimeProvider time) : IStreamProvider
{
    public IAsyncStream<T> GetStream<T>(StreamId stream) => new AsyncStream<T>(this, stream);

    public async Task<StreamEvent> PublishAsync<T>(StreamId stream, T data, string? eventId = null, CancellationToken cancellationToken = default)
    {
        ArgumentException.ThrowIfNullOrEmpty(stream.Namespace);
        ArgumentException.ThrowIfNullOrEmpty(stream.Key);
        var json = JsonSerializer.Serialize(data, StreamJson.Options);
        var append = eventId is null
            ? new NewStreamEvent(stream, Guid.NewGuid().ToString("N"), json, FreshId: true)
            : new NewStreamEvent(stream, eventId, json);
        var stored = await service.Publisher.AppendAsync(append).WaitAsync(cancellationToken);
        return stored.Event;
    }

    public async Task<StreamSubscriptionHandle> SubscribeAsync(string streamNamespace, string pattern, GrainId subscriber, CancellationToken cancellationToken = default)
    {
        ArgumentException.ThrowIfNullOrEmpty(streamNamespace);
        _ = new StreamPattern(pattern); // validates, with a clear FormatException
        // Logs store publish times in whole milliseconds: a creation time with finer ticks would be later than an event
        // published just after it in the same millisecond, and the subscription would skip that event.
        var now = time.GetUtcNow();
        var createdAt = new DateTimeOffset(now.UtcTicks - (now.UtcTicks % TimeSpan.TicksPerMillisecond), TimeSpan.Zero);
        var added = await log.AddSubscriptionAsync(
            new StreamSubscription(Guid.NewGuid().ToString("N"), streamNamespace, pattern, subscriber, createdAt), cancellationToken);
        await service.SubscriptionsChangedAsync();
        return ToHandle(added);
    }

    public async Task<bool> UnsubscribeAsync(string subscriptionId, CancellationToken cancellationToken = default)
    {
        var removed = await log.RemoveSubscriptionAsync(subscriptionId, cancellationToken);
        await service.SubscriptionsChangedAsync();
        return removed;
    }

    public async Task<IReadOnlyList<StreamSubscriptionHandle>> GetSubscriptionsAsync(CancellationToken cancellationToken = default) =>
        [.. (await log.ReadSubscriptionsAsync(cancellationToken)).Select(ToHandle)];

    public async Task<StreamHistoryPage> ReadHistoryAsync(string streamNamespace, string? pattern = null, long afterPosition = 0, DateTimeOffset? since = null, int limit = 100, CancellationToken cancellationToken = default)
    {
        ArgumentException.ThrowIfNullOrEmpty(streamNamespace);
        ArgumentOutOfRangeException.ThrowIfLessThan(limit, 1);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(limit, 1000);
        var events = await log.ReadHistoryAsync(streamNamespace, pattern is null ? null : new StreamPattern(pattern), afterPosition, since, limit, cancellationToken);
        return new StreamHistoryPage([.. events.Select(e => e.Event)], events.Count > 0 ? events[^1].Position : afterPosition, events.Count == limit);
    }

    public async Task<IReadOnlyList<StreamEvent>> ReadStreamAsync(StreamId stream, long afterSequence = 0, int limit = 100, CancellationToken cancellationToken = default)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(limit, 1);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(limit, 1000);
        return [.. (await log.ReadStreamAsync(stream, afterSequence, limit, cancellationToken)).Select(e => e.Event)];
    }

    public async Task<IReadOnlyList<StreamDeadLetter>> GetDeadLettersAsync(string? subscriptionId = null, int limit = 100, CancellationToken cancellationToken = default) =>
        [.. (await log.ReadDeadLettersAsync(subscriptionId, limit, cancellationToken)).Select(d => new StreamDeadLetter(d.Subscription, d.Event, d.Error, d.Attempts, d.ParkedAt))];

    public async Task<StreamStats> GetStatsAsync(string? streamNamespace = null, CancellationToken cancellationToken = default)
    {
        var heads = await log.ReadStreamHeadsAsync(streamNamespace, cancellationToken);
        var subscriptions = (await log.ReadSubscriptionsAsync(cancellationToken))
            .Where(s => streamNamespace is null || string.Equals(s.Namespace, streamNamespace, StringComparison.Ordinal));
        var perSubscription = new List<SubscriptionStats>();
        foreach (var subscription in subscriptions)
        {
            var pattern = new StreamPattern(subscription.Pattern);
            var cursors = (await log.ReadCursorsAsync(subscription.Id, cancellationToken)).ToDictionary(c => c.Stream, c => c.Sequence);
            var matching = heads.Where(h => string.Equals(h.Stream.Namespace, subscription.Namespace, StringComparison.Ordinal) && pattern.Matches(h.Stream.Key)).ToList();
            var published = matching.Sum(h => h.LastSequence);
            var finished = matching.Sum(h => Math.Min(h.LastSequence, cursors.GetValueOrDefault(h.Stream)));
            perSubscription.Add(new SubscriptionStats(subscription.Id, subscription.Namespace, subscription.Pattern, subscription.Subscriber, published, finished, published - finished));
        }
        var agent = service.Agent?.Stats;
        return new StreamStats(
            [.. heads.Select(h => new StreamCount(h.Stream, h.LastSequence))],
            perSubscription,
            service.PublishedBySilo,
            agent?.Delivered ?? 0,
            agent?.FailedAttempts ?? 0,
            agent?.Parked ?? 0);
    }

    private static StreamSubscriptionHandle ToHandle(StreamSubscription s) => new(s.Id, s.Namespace, s.Pattern, s.Subscriber, s.CreatedAt);

    private sealed class AsyncStream<T>(StreamProvider provider, StreamId id) : IAsyncStream<T>
    {
        public StreamId Id => id;

        public Task<StreamEvent> OnNextAsync(T item, string? eventId = null, CancellationToken cancellationToken = default) =>
            provider.PublishAsync(id, item, eventId, cancellationToken);

        public Task<StreamSubscriptionHandle> SubscribeAsync(IStreamConsumer consumer, CancellationToken cancellationToken = default) =>
            provider.SubscribeAsync(id.Namespace, id.Key, consumer.GetGrainId(), cancellationToken);
    }
}
