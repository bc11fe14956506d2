namespace Rayswarm.Grains.Providers;

/// <summary>
/// The durable stream log: events with a per-stream sequence and a log-wide position, per-subscriber cursors,
/// partition checkpoints, durable subscriptions and dead letters. Implementations: memory (tests), SQLite (embedded),
/// PostgreSQL (cluster). Every method is safe to call concurrently; appends from several processes never produce
/// two events with the same (stream, sequence).
/// </summary>
public interface IStreamLog
{
    /// <summary>Creates the schema if missing (idempotent, safe to race).</summary>
    Task InitializeAsync(CancellationToken cancellationToken);

    /// <summary>
    /// Appends events atomically and durably (acknowledge a publish only after this completes): each gets the next
    /// sequence of its stream (starting at 1), a position greater than every earlier event's, the partition
    /// <see cref="StreamPartitions.Of"/> and the current time. An event whose <see cref="NewStreamEvent.EventId"/> is already
    /// stored is not appended again: the stored one is returned (idempotent retries). Returns the stored events in input order.
    /// </summary>
    Task<IReadOnlyList<StoredStreamEvent>> AppendAsync(IReadOnlyList<NewStreamEvent> events, CancellationToken cancellationToken);

    /// <summary>Events of the given partitions with a position greater than <paramref name="afterPosition"/>, in position order, at most <paramref name="limit"/>.</summary>
    Task<IReadOnlyList<StoredStreamEvent>> ReadPartitionsAsync(IReadOnlyCollection<int> partitions, long afterPosition, int limit, CancellationToken cancellationToken);

    /// <summary>The position of the newest event of <paramref name="partition"/>; 0 when it has none. A delivery agent with
    /// no subscription to serve moves past a partition's events with this instead of reading them.</summary>
    Task<long> LastPositionAsync(int partition, CancellationToken cancellationToken);

    /// <summary>The position of the newest event of the whole log; 0 when it has none.</summary>
    Task<long> HeadPositionAsync(CancellationToken cancellationToken);

    /// <summary>For each partition holding events with a position greater than <paramref name="afterPosition"/>, its newest position
    /// (a silo polls this once for all its partitions instead of reading each partition).</summary>
    Task<IReadOnlyList<(int Partition, long LastPosition)>> ReadPartitionHeadsAsync(long afterPosition, CancellationToken cancellationToken);

    /// <summary>History: events of one namespace (all keys, or keys matching <paramref name="pattern"/>), with a position greater
    /// than <paramref name="afterPosition"/> and published at or after <paramref name="since"/>, in position order, at most <paramref name="limit"/>.</summary>
    Task<IReadOnlyList<StoredStreamEvent>> ReadHistoryAsync(string streamNamespace, StreamPattern? pattern, long afterPosition, DateTimeOffset? since, int limit, CancellationToken cancellationToken);

    /// <summary>Events of one stream with a sequence greater than <paramref name="afterSequence"/>, in order, at most <paramref name="limit"/>.</summary>
    Task<IReadOnlyList<StoredStreamEvent>> ReadStreamAsync(StreamId stream, long afterSequence, int limit, CancellationToken cancellationToken);

    /// <summary>The last sequence of a stream (0 when empty).</summary>
    Task<long> LastSequenceAsync(StreamId stream, CancellationToken cancellationToken);

    /// <summary>Every stream of a namespace (all namespaces when null) with its last sequence, i.e. how many events it ever had.</summary>
    Task<IReadOnlyList<(StreamId Stream, long LastSequence)>> ReadStreamHeadsAsync(string? streamNamespace, CancellationToken cancellationToken);

    /// <summary>Every cursor of a subscription.</summary>
    Task<IReadOnlyList<StreamCursor>> ReadCursorsAsync(string subscription, CancellationToken cancellationToken);

    /// <summary>The sequence of the last event of <paramref name="stream"/> the subscription has finished with (0 when none).</summary>
    Task<long> ReadCursorAsync(string subscription, StreamId stream, CancellationToken cancellationToken);

    /// <summary>Moves a cursor forward (never back: a smaller sequence than the stored one is ignored).</summary>
    Task CommitCursorAsync(string subscription, StreamId stream, long sequence, CancellationToken cancellationToken);

    /// <summary>Moves several cursors forward in one write (the delivery agent batches its commits); same rules as <see cref="CommitCursorAsync"/>.</summary>
    async Task CommitCursorsAsync(IReadOnlyList<StreamCursor> cursors, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(cursors);
        foreach (var c in cursors) { await CommitCursorAsync(c.Subscription, c.Stream, c.Sequence, cancellationToken); }
    }

    /// <summary>The position up to which every event of the partition was finished by every subscription (0 when none).</summary>
    Task<long> ReadCheckpointAsync(int partition, CancellationToken cancellationToken);

    /// <summary>Moves a partition checkpoint forward (never back).</summary>
    Task CommitCheckpointAsync(int partition, long position, CancellationToken cancellationToken);

    /// <summary>Moves a partition checkpoint back to at most <paramref name="position"/> (a new subscription must see events an owner
    /// already finished without it). Never raises it.</summary>
    Task LowerCheckpointAsync(int partition, long position, CancellationToken cancellationToken);

    /// <summary>Adds a subscription, or returns the existing one with the same namespace, pattern and subscriber.</summary>
    Task<StreamSubscription> AddSubscriptionAsync(StreamSubscription subscription, CancellationToken cancellationToken);

    /// <summary>Removes a subscription (and its cursors); false if it did not exist.</summary>
    Task<bool> RemoveSubscriptionAsync(string subscriptionId, CancellationToken cancellationToken);

    /// <summary>All subscriptions.</summary>
    Task<IReadOnlyList<StreamSubscription>> ReadSubscriptionsAsync(CancellationToken cancellationToken);

    /// <summary>Parks an event a subscriber kept failing on.</summary>
    Task ParkAsync(DeadLetter deadLetter, CancellationToken cancellationToken);

    /// <summary>Parked events of one subscription or all (null), at most <paramref name="limit"/>: newest parked first, or
    /// oldest first when <paramref name="oldestFirst"/>.</summary>
    Task<IReadOnlyList<DeadLetter>> ReadDeadLettersAsync(string? subscription, int limit, bool oldestFirst, CancellationToken cancellationToken);

    /// <summary>Takes the event <paramref name="eventId"/> out of <paramref name="subscription"/>'s dead letters (every time it was
    /// parked there), once a replay delivered it. Returns how many were removed: 0 when it is not a dead letter of that subscription.</summary>
    Task<int> RemoveDeadLetterAsync(string subscription, string eventId, CancellationToken cancellationToken);

    /// <summary>Retention: deletes events published before <paramref name="olderThan"/> (if given) and, per stream, all but the newest
    /// <paramref name="keepPerStream"/> (if given). Returns how many were deleted. Sequences are never reused.</summary>
    Task<int> TrimAsync(DateTimeOffset? olderThan, int? keepPerStream, CancellationToken cancellationToken);
}
