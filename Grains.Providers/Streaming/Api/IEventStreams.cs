namespace Rayswarm.Grains.Providers;

/// <summary>
/// The durable event streams of the cluster (a DI singleton on every silo): publish (acknowledged once stored), subscribe
/// grains to patterns of stream keys, read history, and look at dead letters and delivery stats. Grains may also publish
/// with Orleans' API: <c>this.GetStreamProvider(EventLogStreams.ProviderName).GetStream&lt;T&gt;(StreamId.Create(ns, key)).OnNextAsync(item)</c>
/// appends to the same log (JSON payload, a fresh event id).
/// </summary>
public interface IEventStreams
{
    /// <summary>Stores an event; completes once it is durable, with its sequence, event id, publish time and position (&gt; 0).
    /// <paramref name="eventId"/> makes retries idempotent: the same id again returns the stored event (a new id by default).
    /// Throws <see cref="EventLogStoppedException"/> when this silo's event log has stopped (the silo is shutting down).</summary>
    Task<StreamEvent> PublishAsync<T>(StreamId stream, T data, string? eventId = null, CancellationToken cancellationToken = default);

    /// <summary>Subscribes a grain (implementing <see cref="IEventConsumer"/>) to every stream of <paramref name="streamNamespace"/>
    /// whose key matches <paramref name="pattern"/> (see <see cref="StreamPattern"/>). Durable; the same triple returns the same handle.
    /// It receives the events published after it subscribed.</summary>
    Task<StreamSubscriptionHandle> SubscribeAsync(string streamNamespace, string pattern, GrainId subscriber, CancellationToken cancellationToken = default);

    /// <summary>Ends a subscription; false if it did not exist.</summary>
    Task<bool> UnsubscribeAsync(string subscriptionId, CancellationToken cancellationToken = default);

    /// <summary>Every subscription.</summary>
    Task<IReadOnlyList<StreamSubscriptionHandle>> GetSubscriptionsAsync(CancellationToken cancellationToken = default);

    /// <summary>Stored events of a namespace (all keys, or matching <paramref name="pattern"/>) after a position and/or since a time, in order, one page.</summary>
    Task<StreamHistoryPage> ReadHistoryAsync(string streamNamespace, string? pattern = null, long afterPosition = 0, DateTimeOffset? since = null, int limit = 100, CancellationToken cancellationToken = default);

    /// <summary>Stored events of one stream with a sequence greater than <paramref name="afterSequence"/>, in order, one page
    /// (pass the last event's sequence to get the next page).</summary>
    Task<IReadOnlyList<StreamEvent>> ReadStreamAsync(StreamId stream, long afterSequence = 0, int limit = 100, CancellationToken cancellationToken = default);

    /// <summary>Publish and delivery counts per stream and per subscription (with lag), for one namespace or all.</summary>
    Task<StreamStats> GetStatsAsync(string? streamNamespace = null, CancellationToken cancellationToken = default);

    /// <summary>Events parked after their handler kept failing, newest parked first (oldest first when <paramref name="oldestFirst"/>).</summary>
    Task<IReadOnlyList<StreamDeadLetter>> GetDeadLettersAsync(string? subscriptionId = null, int limit = 100, bool oldestFirst = false, CancellationToken cancellationToken = default);

    /// <summary>
    /// Delivers dead letters of a subscription to its grain again, one at a time in the order they were parked (so two events of
    /// one stream keep their order, though after the stream's later events), each with one attempt. A delivered event leaves the
    /// dead letters; at the first failure the replay stops and that event and the rest stay parked as they were. At least once:
    /// an event whose delivery succeeded but whose removal was lost stays parked and a later replay delivers it again.
    /// </summary>
    /// <param name="subscriptionId">The subscription whose dead letters to replay.</param>
    /// <param name="eventIds">The event ids to replay; null replays the oldest <see cref="StreamReplay.MaxEvents"/> of the subscription.</param>
    /// <param name="cancellationToken">Ends the replay early: the event being delivered and the rest stay parked.</param>
    /// <exception cref="KeyNotFoundException">The subscription does not exist, or one of <paramref name="eventIds"/> is not one of its dead letters (nothing is replayed).</exception>
    /// <exception cref="ArgumentException">More than <see cref="StreamReplay.MaxEvents"/> ids, or an empty one.</exception>
    Task<StreamReplay> ReplayDeadLettersAsync(string subscriptionId, IReadOnlyCollection<string>? eventIds = null, CancellationToken cancellationToken = default);
}
