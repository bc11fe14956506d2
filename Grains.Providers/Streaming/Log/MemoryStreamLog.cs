namespace Rayswarm.Grains.Providers;

/// <summary>
/// An in-memory <see cref="IStreamLog"/> for tests and single-process use: one lock guards everything, so every method
/// is atomic with respect to the others. Nothing survives the process.
/// </summary>
public sealed partial class MemoryStreamLog(TimeProvider? timeProvider = null) : IStreamLog
{
    private readonly TimeProvider _time = timeProvider ?? TimeProvider.System;
    private readonly Lock _gate = new();

    // Every stored event in position order, and the same events per stream in sequence order.
    private readonly List<StoredStreamEvent> _events = [];
    private readonly Dictionary<StreamId, List<StoredStreamEvent>> _streams = [];

    // Last sequence ever given per stream: kept after a trim so sequences are never reused.
    private readonly Dictionary<StreamId, long> _lastSequence = [];
    private readonly Dictionary<string, StoredStreamEvent> _byEventId = new(StringComparer.Ordinal);
    private readonly Dictionary<(string Subscription, StreamId Stream), long> _cursors = [];
    private readonly Dictionary<int, long> _checkpoints = [];
    private readonly List<StreamSubscription> _subscriptions = [];
    private readonly List<DeadLetter> _deadLetters = [];
    private long _lastPosition;

    /// <inheritdoc />
    public Task InitializeAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    /// <inheritdoc />
    public Task<IReadOnlyList<StoredStreamEvent>> AppendAsync(IReadOnlyList<NewStreamEvent> events, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(events);
        foreach (var e in events)
        {
            ArgumentNullException.ThrowIfNull(e);
            ArgumentException.ThrowIfNullOrEmpty(e.EventId);
            ArgumentNullException.ThrowIfNull(e.Data);
        }

        var stored = new StoredStreamEvent[events.Count];
        lock (_gate)
        {
            var now = _time.GetUtcNow();
            now = now.AddTicks(-(now.UtcTicks % TimeSpan.TicksPerMillisecond)); // millisecond precision, as the durable logs store it
            for (var i = 0; i < events.Count; i++)
            {
                var e = events[i];
                if (_byEventId.TryGetValue(e.EventId, out var existing))
                {
                    stored[i] = existing;
                    continue;
                }

                var sequence = _lastSequence.GetValueOrDefault(e.Stream) + 1;
                _lastSequence[e.Stream] = sequence;
                var position = ++_lastPosition;
                var s = new StoredStreamEvent(position, StreamPartitions.Of(e.Stream), new StreamEvent(e.Stream, sequence, e.EventId, now, e.Data, position));
                _events.Add(s);
                if (!_streams.TryGetValue(e.Stream, out var stream)) { _streams[e.Stream] = stream = []; }
                stream.Add(s);
                _byEventId[e.EventId] = s;
                stored[i] = s;
            }
        }
        return Task.FromResult<IReadOnlyList<StoredStreamEvent>>(stored);
    }

    /// <inheritdoc />
    public Task<long> LastPositionAsync(int partition, CancellationToken cancellationToken)
    {
        lock (_gate)
        {
            for (var i = _events.Count - 1; i >= 0; i--)
            {
                if (_events[i].Partition == partition) { return Task.FromResult(_events[i].Position); }
            }
            return Task.FromResult(0L);
        }
    }

    /// <inheritdoc />
    public Task<long> HeadPositionAsync(CancellationToken cancellationToken)
    {
        lock (_gate) { return Task.FromResult(_events.Count == 0 ? 0 : _events[^1].Position); }
    }

    /// <inheritdoc />
    public Task<IReadOnlyList<(int Partition, long LastPosition)>> ReadPartitionHeadsAsync(long afterPosition, CancellationToken cancellationToken)
    {
        lock (_gate)
        {
            var heads = new Dictionary<int, long>();
            for (var i = FirstAfter(_events, afterPosition, e => e.Position); i < _events.Count; i++) { heads[_events[i].Partition] = _events[i].Position; }
            return Task.FromResult<IReadOnlyList<(int, long)>>([.. heads.Select(h => (h.Key, h.Value))]);
        }
    }

    /// <inheritdoc />
    public Task<IReadOnlyList<StoredStreamEvent>> ReadPartitionsAsync(IReadOnlyCollection<int> partitions, long afterPosition, int limit, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(partitions);
        ArgumentOutOfRangeException.ThrowIfNegative(limit);
        var wanted = partitions.ToHashSet();
        lock (_gate)
        {
            return Task.FromResult(Collect(_events, FirstAfter(_events, afterPosition, e => e.Position), limit, e => wanted.Contains(e.Partition)));
        }
    }

    /// <inheritdoc />
    public Task<IReadOnlyList<StoredStreamEvent>> ReadHistoryAsync(string streamNamespace, StreamPattern? pattern, long afterPosition, DateTimeOffset? since, int limit, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(streamNamespace);
        ArgumentOutOfRangeException.ThrowIfNegative(limit);
        lock (_gate)
        {
            return Task.FromResult(Collect(_events, FirstAfter(_events, afterPosition, e => e.Position), limit, e =>
                string.Equals(e.Event.Stream.StreamNamespace(), streamNamespace, StringComparison.Ordinal)
                && (pattern is null || pattern.Matches(e.Event.Stream.StreamKey()))
                && (since is null || e.Event.PublishedAt >= since.Value)));
        }
    }

    /// <inheritdoc />
    public Task<IReadOnlyList<StoredStreamEvent>> ReadStreamAsync(StreamId stream, long afterSequence, int limit, CancellationToken cancellationToken)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(limit);
        lock (_gate)
        {
            if (!_streams.TryGetValue(stream, out var events)) { return Task.FromResult<IReadOnlyList<StoredStreamEvent>>([]); }
            return Task.FromResult(Collect(events, FirstAfter(events, afterSequence, e => e.Event.Sequence), limit, _ => true));
        }
    }

    /// <inheritdoc />
    public Task<long> LastSequenceAsync(StreamId stream, CancellationToken cancellationToken)
    {
        lock (_gate) { return Task.FromResult(_lastSequence.GetValueOrDefault(stream)); }
    }

    private static int FirstAfter(List<StoredStreamEvent> events, long after, Func<StoredStreamEvent, long> key)
    {
        int lo = 0, hi = events.Count;
        while (lo < hi)
        {
            var mid = lo + ((hi - lo) / 2);
            if (key(events[mid]) <= after) { lo = mid + 1; } else { hi = mid; }
        }
        return lo;
    }

    private static IReadOnlyList<StoredStreamEvent> Collect(List<StoredStreamEvent> events, int start, int limit, Func<StoredStreamEvent, bool> include)
    {
        var result = new List<StoredStreamEvent>(Math.Min(limit, 256));
        for (var i = start; i < events.Count && result.Count < limit; i++)
        {
            if (include(events[i])) { result.Add(events[i]); }
        }
        return result;
    }
}
