namespace Rayswarm.Grains.Providers;

/// <summary>
/// This silo's cached copy of the subscriptions: read again when older than the refresh period (single flight), and
/// at once after a subscribe or unsubscribe through this silo. Routers on this silo match events against it.
/// </summary>
internal sealed class SubscriptionCatalog(IStreamLog log, TimeProvider time, TimeSpan refreshPeriod)
{
    private readonly SemaphoreSlim _loading = new(1, 1);
    private volatile Snapshot? _current;
    private int _version;

    /// <summary>The subscriptions, at most one refresh period old.</summary>
    public async ValueTask<IReadOnlyList<RoutedSubscription>> GetAsync(CancellationToken cancellationToken)
    {
        var current = _current;
        if (current is not null && !Stale(current)) { return current.Subscriptions; }
        await _loading.WaitAsync(cancellationToken);
        try
        {
            current = _current;
            if (current is not null && !Stale(current)) { return current.Subscriptions; }
            var version = Volatile.Read(ref _version);
            var loaded = await log.ReadSubscriptionsAsync(cancellationToken);
            var snapshot = new Snapshot([.. loaded.Select(s => new RoutedSubscription(s))], time.GetTimestamp(), version);
            _current = snapshot;
            return snapshot.Subscriptions;
        }
        finally
        {
            _loading.Release();
        }
    }

    /// <summary>The subscriptions matching <paramref name="stream"/>.</summary>
    public async ValueTask<IReadOnlyList<RoutedSubscription>> MatchingAsync(StreamId stream, CancellationToken cancellationToken) =>
        [.. (await GetAsync(cancellationToken)).Where(s => s.Matches(stream))];

    /// <summary>A subscription was added or removed through this silo: the next read goes to the log.</summary>
    public void Invalidate() => Interlocked.Increment(ref _version);

    private bool Stale(Snapshot snapshot) =>
        snapshot.Version != Volatile.Read(ref _version) || time.GetElapsedTime(snapshot.LoadedAt) >= refreshPeriod;

    private sealed record Snapshot(IReadOnlyList<RoutedSubscription> Subscriptions, long LoadedAt, int Version);
}
