namespace Rayswarm.Grains.Providers;

// Cursors, checkpoints, subscriptions, dead letters and retention.
public sealed partial class MemoryStreamLog
{
    /// <inheritdoc />
    public Task<long> ReadCursorAsync(string subscription, StreamId stream, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(subscription);
        lock (_gate) { return Task.FromResult(_cursors.GetValueOrDefault((subscription, stream))); }
    }

    /// <inheritdoc />
    public Task CommitCursorAsync(string subscription, StreamId stream, long sequence, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(subscription);
        lock (_gate)
        {
            if (sequence > _cursors.GetValueOrDefault((subscription, stream))) { _cursors[(subscription, stream)] = sequence; }
        }
        return Task.CompletedTask;
    }

    /// <inheritdoc />
    public Task<long> ReadCheckpointAsync(int partition, CancellationToken cancellationToken)
    {
        lock (_gate) { return Task.FromResult(_checkpoints.GetValueOrDefault(partition)); }
    }

    /// <inheritdoc />
    public Task LowerCheckpointAsync(int partition, long position, CancellationToken cancellationToken)
    {
        lock (_gate)
        {
            if (position < _checkpoints.GetValueOrDefault(partition)) { _checkpoints[partition] = Math.Max(0, position); }
        }
        return Task.CompletedTask;
    }

    /// <inheritdoc />
    public Task CommitCheckpointAsync(int partition, long position, CancellationToken cancellationToken)
    {
        lock (_gate)
        {
            if (position > _checkpoints.GetValueOrDefault(partition)) { _checkpoints[partition] = position; }
        }
        return Task.CompletedTask;
    }

    /// <inheritdoc />
    public Task<StreamSubscription> AddSubscriptionAsync(StreamSubscription subscription, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(subscription);
        ArgumentException.ThrowIfNullOrEmpty(subscription.Id);
        _ = new StreamPattern(subscription.Pattern); // throws FormatException for an invalid pattern
        lock (_gate)
        {
            var existing = _subscriptions.Find(s =>
                string.Equals(s.Namespace, subscription.Namespace, StringComparison.Ordinal)
                && string.Equals(s.Pattern, subscription.Pattern, StringComparison.Ordinal)
                && s.Subscriber.Equals(subscription.Subscriber));
            if (existing is not null) { return Task.FromResult(existing); }
            if (_subscriptions.Exists(s => string.Equals(s.Id, subscription.Id, StringComparison.Ordinal)))
            {
                throw new ArgumentException($"A different subscription with id '{subscription.Id}' exists.", nameof(subscription));
            }
            _subscriptions.Add(subscription);
            return Task.FromResult(subscription);
        }
    }

    /// <inheritdoc />
    public Task<bool> RemoveSubscriptionAsync(string subscriptionId, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(subscriptionId);
        lock (_gate)
        {
            if (_subscriptions.RemoveAll(s => string.Equals(s.Id, subscriptionId, StringComparison.Ordinal)) == 0) { return Task.FromResult(false); }
            foreach (var key in _cursors.Keys.Where(k => string.Equals(k.Subscription, subscriptionId, StringComparison.Ordinal)).ToList())
            {
                _cursors.Remove(key);
            }
            return Task.FromResult(true);
        }
    }

    /// <inheritdoc />
    public Task<IReadOnlyList<StreamSubscription>> ReadSubscriptionsAsync(CancellationToken cancellationToken)
    {
        lock (_gate) { return Task.FromResult<IReadOnlyList<StreamSubscription>>([.. _subscriptions]); }
    }

    /// <inheritdoc />
    public Task ParkAsync(DeadLetter deadLetter, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(deadLetter);
        lock (_gate) { _deadLetters.Add(deadLetter); }
        return Task.CompletedTask;
    }

    /// <inheritdoc />
    public Task<IReadOnlyList<DeadLetter>> ReadDeadLettersAsync(string? subscription, int limit, bool oldestFirst, CancellationToken cancellationToken)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(limit);
        lock (_gate)
        {
            IReadOnlyList<DeadLetter> result = (oldestFirst ? _deadLetters : Enumerable.Reverse(_deadLetters))
                .Where(d => subscription is null || string.Equals(d.Subscription, subscription, StringComparison.Ordinal))
                .Take(limit)
                .ToList();
            return Task.FromResult(result);
        }
    }

    /// <inheritdoc />
    public Task<int> RemoveDeadLetterAsync(string subscription, string eventId, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(subscription);
        ArgumentNullException.ThrowIfNull(eventId);
        lock (_gate)
        {
            return Task.FromResult(_deadLetters.RemoveAll(d =>
                string.Equals(d.Subscription, subscription, StringComparison.Ordinal) && string.Equals(d.Event.EventId, eventId, StringComparison.Ordinal)));
        }
    }

    /// <inheritdoc />
    public Task<int> TrimAsync(DateTimeOffset? olderThan, int? keepPerStream, CancellationToken cancellationToken)
    {
        if (keepPerStream is < 0) { throw new ArgumentOutOfRangeException(nameof(keepPerStream), keepPerStream, "Must not be negative."); }
        lock (_gate)
        {
            var doomed = new HashSet<long>();
            foreach (var stream in _streams.Values)
            {
                var cut = keepPerStream is { } keep ? Math.Max(0, stream.Count - keep) : 0;
                for (var i = 0; i < stream.Count; i++)
                {
                    if (i < cut || (olderThan is { } t && stream[i].Event.PublishedAt < t)) { doomed.Add(stream[i].Position); }
                }
            }
            if (doomed.Count == 0) { return Task.FromResult(0); }

            _events.RemoveAll(e => doomed.Contains(e.Position));
            foreach (var (id, stream) in _streams.ToList())
            {
                stream.RemoveAll(e => doomed.Contains(e.Position));
                if (stream.Count == 0) { _streams.Remove(id); }
            }
            foreach (var key in _byEventId.Where(kv => doomed.Contains(kv.Value.Position)).Select(kv => kv.Key).ToList())
            {
                _byEventId.Remove(key);
            }
            return Task.FromResult(doomed.Count);
        }
    }
}
