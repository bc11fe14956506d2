namespace Rayswarm.Grains.Providers;

/// <summary>
/// What this silo knows of the newest position of every partition, so the pulling agents of partitions with nothing new do
/// not query the log: appends through this silo update it at once and wake the partition's waiting receiver, and one query
/// at most every poll period (single flight, shared by all of this silo's receivers) picks up appends of other silos.
/// Positions become visible in increasing order, so reading the heads after the highest position seen so far misses nothing.
/// </summary>
internal sealed class PartitionHeads
{
    private readonly IStreamLog _log;
    private readonly TimeProvider _time;
    private readonly long _pollTicks;
    private readonly long[] _heads = new long[StreamPartitions.Count];
    private readonly TaskCompletionSource[] _raised = new TaskCompletionSource[StreamPartitions.Count];
    private readonly SemaphoreSlim _polling = new(1, 1);
    private long _scannedUpTo;
    private long _nextPoll; // a timestamp of the time provider; 0 = poll now

    public PartitionHeads(IStreamLog log, TimeProvider time, TimeSpan pollPeriod)
    {
        (_log, _time) = (log, time);
        _pollTicks = (long)(pollPeriod.TotalSeconds / 2 * time.TimestampFrequency);
        for (var p = 0; p < _raised.Length; p++) { _raised[p] = NewSignal(); }
    }

    /// <summary>Whether the partition may hold events after <paramref name="afterPosition"/> (refreshing from the log when stale).</summary>
    public async Task<bool> HasEventsAfterAsync(int partition, long afterPosition, CancellationToken cancellationToken)
    {
        if (Volatile.Read(ref _heads[partition]) > afterPosition) { return true; }
        await PollAsync(cancellationToken);
        return Volatile.Read(ref _heads[partition]) > afterPosition;
    }

    /// <summary>Like <see cref="HasEventsAfterAsync"/>, but while nothing is known to be new it waits, up to
    /// <paramref name="maxWait"/>, for an append through this silo to raise the partition, polling the log when due. False
    /// when the wait ran out or was cancelled.</summary>
    public async Task<bool> WaitForEventsAfterAsync(int partition, long afterPosition, TimeSpan maxWait, CancellationToken cancellationToken)
    {
        var deadline = _time.GetTimestamp() + (long)(maxWait.TotalSeconds * _time.TimestampFrequency);
        while (true)
        {
            var raised = Volatile.Read(ref _raised[partition]); // before the check, so a raise in between is not missed
            if (await HasEventsAfterAsync(partition, afterPosition, cancellationToken)) { return true; }
            var now = _time.GetTimestamp();
            var wake = Math.Min(deadline, Math.Max(Volatile.Read(ref _nextPoll), now + 1));
            if (now >= deadline) { return false; }
            // Raised, or a poll of the log is due, or the wait ran out: look again. Not thrown: idle receivers wake often.
            await raised.Task.WaitAsync(_time.GetElapsedTime(now, wake), _time, cancellationToken)
                .ConfigureAwait(ConfigureAwaitOptions.SuppressThrowing | ConfigureAwaitOptions.ContinueOnCapturedContext);
            if (cancellationToken.IsCancellationRequested) { return false; }
        }
    }

    /// <summary>Events were appended through this silo.</summary>
    public void Appended(IReadOnlyList<StoredStreamEvent> events)
    {
        Span<bool> moved = stackalloc bool[StreamPartitions.Count];
        foreach (var e in events) { moved[e.Partition] |= Raise(e.Partition, e.Position); }
        for (var p = 0; p < moved.Length; p++)
        {
            if (moved[p]) { Signal(p); }
        }
    }

    private async Task PollAsync(CancellationToken cancellationToken)
    {
        if (_time.GetTimestamp() < Volatile.Read(ref _nextPoll)) { return; }
        await _polling.WaitAsync(cancellationToken);
        try
        {
            var started = _time.GetTimestamp();
            if (started < Volatile.Read(ref _nextPoll)) { return; }
            var after = Volatile.Read(ref _scannedUpTo);
            foreach (var (partition, position) in await _log.ReadPartitionHeadsAsync(after, cancellationToken))
            {
                if (Raise(partition, position)) { Signal(partition); }
                if (position > after) { after = position; }
            }
            Volatile.Write(ref _scannedUpTo, after);
            Volatile.Write(ref _nextPoll, started + _pollTicks);
        }
        finally
        {
            _polling.Release();
        }
    }

    /// <summary>Moves the partition's head up to <paramref name="position"/>; true when it moved.</summary>
    private bool Raise(int partition, long position)
    {
        var current = Volatile.Read(ref _heads[partition]);
        while (position > current)
        {
            var seen = Interlocked.CompareExchange(ref _heads[partition], position, current);
            if (seen == current) { return true; }
            current = seen;
        }
        return false;
    }

    private void Signal(int partition) => Interlocked.Exchange(ref _raised[partition], NewSignal()).TrySetResult();

    private static TaskCompletionSource NewSignal() => new(TaskCreationOptions.RunContinuationsAsynchronously);
}
