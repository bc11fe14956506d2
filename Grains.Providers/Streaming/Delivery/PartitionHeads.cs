namespace Rayswarm.Grains.Providers;

/// <summary>
/// What this silo knows of the newest position of every partition, so the pulling agents of partitions with nothing new do
/// not query the log: appends through this silo update it at once, and one query at most every poll period (single flight,
/// shared by all of this silo's receivers) picks up appends of other silos. Positions become visible in increasing order,
/// so reading the heads after the highest position seen so far misses nothing.
/// </summary>
internal sealed class PartitionHeads(IStreamLog log, TimeProvider time, TimeSpan pollPeriod)
{
    private readonly long[] _heads = new long[StreamPartitions.Count];
    private readonly SemaphoreSlim _polling = new(1, 1);
    private long _scannedUpTo;
    private long _nextPoll; // a timestamp of the time provider; 0 = poll now

    /// <summary>Whether the partition may hold events after <paramref name="afterPosition"/> (refreshing from the log when stale).</summary>
    public async Task<bool> HasEventsAfterAsync(int partition, long afterPosition, CancellationToken cancellationToken)
    {
        if (Volatile.Read(ref _heads[partition]) > afterPosition) { return true; }
        await PollAsync(cancellationToken);
        return Volatile.Read(ref _heads[partition]) > afterPosition;
    }

    /// <summary>Events were appended through this silo.</summary>
    public void Appended(IReadOnlyList<StoredStreamEvent> events)
    {
        foreach (var e in events) { Raise(e.Partition, e.Position); }
    }

    private async Task PollAsync(CancellationToken cancellationToken)
    {
        if (time.GetTimestamp() < Volatile.Read(ref _nextPoll)) { return; }
        await _polling.WaitAsync(cancellationToken);
        try
        {
            var started = time.GetTimestamp();
            if (started < Volatile.Read(ref _nextPoll)) { return; }
            var after = Volatile.Read(ref _scannedUpTo);
            foreach (var (partition, position) in await log.ReadPartitionHeadsAsync(after, cancellationToken))
            {
                Raise(partition, position);
                if (position > after) { after = position; }
            }
            Volatile.Write(ref _scannedUpTo, after);
            Volatile.Write(ref _nextPoll, started + (long)(pollPeriod.TotalSeconds / 2 * time.TimestampFrequency));
        }
        finally
        {
            _polling.Release();
        }
    }

    private void Raise(int partition, long position)
    {
        var current = Volatile.Read(ref _heads[partition]);
        while (position > current)
        {
            var seen = Interlocked.CompareExchange(ref _heads[partition], position, current);
            if (seen == current) { return; }
            current = seen;
        }
    }
}
