namespace Rayswarm.Grains.Providers;

/// <summary>What this silo's routers did since it started (reported in <see cref="StreamStats"/>).</summary>
internal sealed class DeliveryCounters
{
    private long _delivered;
    private long _failedAttempts;
    private long _parked;

    public long Delivered => Interlocked.Read(ref _delivered);

    public long FailedAttempts => Interlocked.Read(ref _failedAttempts);

    public long Parked => Interlocked.Read(ref _parked);

    public void CountDelivered() => Interlocked.Increment(ref _delivered);

    public void CountFailedAttempt() => Interlocked.Increment(ref _failedAttempts);

    public void CountParked() => Interlocked.Increment(ref _parked);
}
