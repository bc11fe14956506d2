using Orleans.Streams;

namespace Rayswarm.Grains.Providers;

/// <summary>
/// Reads one log partition for its pulling agent: events after the partition's durable checkpoint, in position order.
/// When Orleans reports events delivered (purged from its cache after every consumer got them), the checkpoint moves to the
/// highest position below which every event read is delivered, so a new owner (this silo died or the queue moved) resumes
/// there: at least once, never a gap. A read with nothing new waits (up to <see cref="IdleWait"/>) for an append through
/// this silo or the next poll of the log, so local publishes reach their routers at once and idle partitions cost little.
/// </summary>
internal sealed class EventLogReceiver(EventLogRuntime runtime, int partition) : IQueueAdapterReceiver
{
    /// <summary>The longest a read waits for new events; then the agent's pump ends its turn (purging its cache, moving the
    /// checkpoint) and starts again after <see cref="EventLogStreamOptions.PumpPeriod"/>.</summary>
    private static readonly TimeSpan IdleWait = TimeSpan.FromSeconds(1);

    /// <summary>The least time between two checkpoint writes of a partition.</summary>
    private static readonly TimeSpan CheckpointPeriod = TimeSpan.FromMilliseconds(500);

    private readonly Lock _gate = new();
    private readonly Queue<long> _unfinished = new();
    private readonly HashSet<long> _delivered = [];
    private long _readPosition = -1;
    private long _checkpointWritten; // a timestamp of the runtime's clock; 0 = never
    private long _lastRead; // likewise
    private long _checkpoint;

    public async Task Initialize(TimeSpan timeout)
    {
        using var cancellation = new CancellationTokenSource(timeout);
        await ResumeAsync(cancellation.Token);
    }

    /// <summary>Starts after the durable checkpoint (again on the first read when Initialize failed: Orleans pumps anyway).</summary>
    private async Task<long> ResumeAsync(CancellationToken cancellationToken)
    {
        var checkpoint = await runtime.Log.ReadCheckpointAsync(partition, cancellationToken);
        lock (_gate)
        {
            if (_readPosition >= 0) { return _readPosition; }
            _checkpoint = checkpoint;
            _readPosition = checkpoint;
            return checkpoint;
        }
    }

    [Obsolete("Use the overload which accepts a CancellationToken.")]
    public Task<IList<IBatchContainer>> GetQueueMessagesAsync(int maxCount) => GetQueueMessagesAsync(maxCount, CancellationToken.None);

    public async Task<IList<IBatchContainer>> GetQueueMessagesAsync(int maxCount, CancellationToken cancellationToken)
    {
        long after;
        lock (_gate) { after = _readPosition; }
        if (after < 0) { after = await ResumeAsync(cancellationToken); }
        var limit = maxCount == QueueAdapterConstants.UNLIMITED_GET_QUEUE_MSG ? runtime.Options.BatchSize : Math.Min(maxCount, runtime.Options.BatchSize);
        if (limit <= 0 || !await runtime.Heads.WaitForEventsAfterAsync(partition, after, IdleWait, cancellationToken)) { return []; }
        // Reads at most every PumpPeriod: a busy partition is read in batches, not event by event.
        var sinceLastRead = runtime.Time.GetElapsedTime(_lastRead);
        if (sinceLastRead < runtime.Options.PumpPeriod)
        {
            await Task.Delay(runtime.Options.PumpPeriod - sinceLastRead, runtime.Time, cancellationToken)
                .ConfigureAwait(ConfigureAwaitOptions.SuppressThrowing | ConfigureAwaitOptions.ContinueOnCapturedContext);
            if (cancellationToken.IsCancellationRequested) { return []; }
        }
        _lastRead = runtime.Time.GetTimestamp();
        var events = await runtime.Log.ReadPartitionsAsync([partition], after, limit, cancellationToken);
        if (events.Count == 0) { return []; }
        lock (_gate)
        {
            foreach (var e in events) { _unfinished.Enqueue(e.Position); }
            _readPosition = events[^1].Position;
        }
        return [.. events.Select(e => (IBatchContainer)new EventLogBatchContainer(e.Event))];
    }

    [Obsolete("Use the overload which accepts a CancellationToken.")]
    public Task MessagesDeliveredAsync(IList<IBatchContainer> messages) => MessagesDeliveredAsync(messages, CancellationToken.None);

    public async Task MessagesDeliveredAsync(IList<IBatchContainer> messages, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(messages);
        long checkpoint;
        lock (_gate)
        {
            foreach (var message in messages.OfType<EventLogBatchContainer>()) { _delivered.Add(message.Event.Position); }
            var before = _checkpoint;
            while (_unfinished.TryPeek(out var oldest) && _delivered.Remove(oldest))
            {
                _unfinished.Dequeue();
                _checkpoint = oldest;
            }
            if (_checkpoint == before) { return; }
            // At most one checkpoint write per period: a new owner re-reads a little more, and the routers skip what their
            // cursors say is delivered. Shutdown writes the last one.
            var now = runtime.Time.GetTimestamp();
            if (_checkpointWritten != 0 && runtime.Time.GetElapsedTime(_checkpointWritten, now) < CheckpointPeriod) { return; }
            _checkpointWritten = now;
            checkpoint = _checkpoint;
        }
        await runtime.Log.CommitCheckpointAsync(partition, checkpoint, cancellationToken);
    }

    public async Task Shutdown(TimeSpan timeout)
    {
        long checkpoint;
        lock (_gate) { checkpoint = _checkpoint; }
        if (checkpoint <= 0) { return; }
        using var cancellation = new CancellationTokenSource(timeout);
        await runtime.Log.CommitCheckpointAsync(partition, checkpoint, cancellation.Token);
    }
}
