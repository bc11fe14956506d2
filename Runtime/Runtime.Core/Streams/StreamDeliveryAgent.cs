using System.Collections.Concurrent;
using Microsoft.Extensions.Logging;
using Rayswarm.Runtime.Abstractions;

namespace Rayswarm.Runtime.Core;

/// <summary>
/// Delivers the events of the partitions this silo owns to every matching subscriber, at least once.
/// <list type="bullet">
/// <item>Per (subscription, stream) events go strictly in sequence order, one at a time; different pairs run concurrently
/// (each pair is a lane of its own), so a slow or failing subscriber never holds up the others.</item>
/// <item>After a successful delivery the subscription's cursor for the stream is committed; events at or below the cursor are
/// never delivered again, so a restart or a partition move repeats only deliveries whose commit was lost.</item>
/// <item>A failing delivery is retried with exponential back-off up to <see cref="StreamOptions.MaxAttempts"/>, then parked as a
/// <see cref="DeadLetter"/> and the cursor moves past it.</item>
/// <item>The partition checkpoint advances to the highest position below which every event read is finished for every
/// subscription, so a new owner resumes there.</item>
/// <item>At most <see cref="StreamOptions.MaxInFlightPerPartition"/> events per partition are read and unfinished; reading waits.</item>
/// <item>An explicit subscription receives only events published at or after its <see cref="StreamSubscription.CreatedAt"/>
/// (a new subscriber does not get the backlog; history is what <see cref="IStreamLog.ReadHistoryAsync"/> is for). The times come
/// from the publishing and subscribing silos' clocks, so keep them synchronised. When a subscription appears, the partitions are
/// re-read from before its first event so none read in the meantime is missed. Implicit subscriptions receive every event.</item>
/// </list>
/// </summary>
internal sealed partial class StreamDeliveryAgent : IAsyncDisposable
{
    private readonly IStreamLog _log;
    private readonly StreamOptions _options;
    private readonly Func<StreamDelivery, CancellationToken, Task> _deliver;
    private readonly Func<IReadOnlyList<ImplicitSubscription>> _implicitSubscriptions;
    private readonly TimeProvider _time;
    private readonly StreamAgentLog _logger;
    private readonly CancellationTokenSource _stopping = new();
    private readonly SemaphoreSlim _ownership = new(1, 1);
    private readonly SemaphoreSlim _refreshing = new(1, 1);
    private readonly Dictionary<int, PartitionReader> _partitions = [];
    private readonly HashSet<int> _owned = [];
    private readonly ConcurrentDictionary<string, long> _deliveredBySubscription = new(StringComparer.Ordinal);
    private IReadOnlyList<StreamRoute>? _routes;
    private Task? _refreshLoop;
    private bool _started;
    private long _delivered;
    private long _failedAttempts;
    private long _parked;
    private int _peakUnfinished;

    public StreamDeliveryAgent(
        IStreamLog log,
        StreamOptions options,
        Func<StreamDelivery, CancellationToken, Task> deliver,
        Func<IReadOnlyList<ImplicitSubscription>> implicitSubscriptions,
        TimeProvider timeProvider,
        ILogger logger)
    {
        ArgumentNullException.ThrowIfNull(log);
        ArgumentNullException.ThrowIfNull(options);
        ArgumentNullException.ThrowIfNull(deliver);
        ArgumentNullException.ThrowIfNull(implicitSubscriptions);
        ArgumentNullException.ThrowIfNull(timeProvider);
        ArgumentNullException.ThrowIfNull(logger);
        var invalid = new StreamOptionsValidator().Validate(null, options);
        if (invalid.Failed) { throw new ArgumentException(invalid.FailureMessage, nameof(options)); }
        _log = log;
        _options = options;
        _deliver = deliver;
        _implicitSubscriptions = implicitSubscriptions;
        _time = timeProvider;
        _logger = new StreamAgentLog(logger);
    }

    /// <summary>The counters since start.</summary>
    public StreamAgentStats Stats
    {
        get
        {
            PartitionReader[] readers;
            lock (_partitions) { readers = [.. _partitions.Values]; }
            return new StreamAgentStats(
                Interlocked.Read(ref _delivered),
                Interlocked.Read(ref _failedAttempts),
                Interlocked.Read(ref _parked),
                readers.Sum(r => r.Unfinished),
                Volatile.Read(ref _peakUnfinished),
                new Dictionary<string, long>(_deliveredBySubscription, StringComparer.Ordinal));
        }
    }

    /// <summary>Loads the subscriptions, starts delivering the owned partitions and refreshing subscriptions periodically.</summary>
    public async Task StartAsync()
    {
        await RefreshSubscriptionsAsync().ConfigureAwait(false);
        await _ownership.WaitAsync(_stopping.Token).ConfigureAwait(false);
        try
        {
            if (_started) { return; }
            _started = true;
            foreach (var partition in _owned) { StartPartition(partition); }
        }
        finally
        {
            _ownership.Release();
        }
        _refreshLoop = Task.Run(RefreshLoopAsync);
        _flushLoop = Task.Run(FlushLoopAsync);
    }

    /// <summary>
    /// Takes ownership of exactly <paramref name="partitions"/>: newly owned ones resume from their durable checkpoint; dropped
    /// ones stop, and when this returns no delivery of theirs is running or will start (their cursors and checkpoint are committed
    /// as far as they got). Before <see cref="StartAsync"/> this only records the set.
    /// </summary>
    public async Task SetPartitionsAsync(IReadOnlyCollection<int> partitions)
    {
        ArgumentNullException.ThrowIfNull(partitions);
        foreach (var p in partitions) { ArgumentOutOfRangeException.ThrowIfGreaterThanOrEqual((uint)p, (uint)StreamPartitions.Count, nameof(partitions)); }
        await _ownership.WaitAsync(_stopping.Token).ConfigureAwait(false);
        try
        {
            var dropped = _owned.Except(partitions).ToList();
            var added = partitions.Except(_owned).ToList();
            _owned.Clear();
            _owned.UnionWith(partitions);
            if (!_started) { return; }
            await Task.WhenAll(dropped.Select(StopPartitionAsync)).ConfigureAwait(false);
            foreach (var p in added) { StartPartition(p); }
        }
        finally
        {
            _ownership.Release();
        }
    }

    /// <summary>New events were appended through this silo: look now instead of at the next poll.</summary>
    public void Notify()
    {
        lock (_partitions)
        {
            foreach (var reader in _partitions.Values) { reader.Wake(); }
        }
    }

    /// <summary>How many events of <paramref name="stream"/> the subscription has not finished (last sequence − cursor).</summary>
    public async Task<long> LagAsync(string subscriptionId, StreamId stream)
    {
        ArgumentNullException.ThrowIfNull(subscriptionId);
        var last = await _log.LastSequenceAsync(stream, CancellationToken.None).ConfigureAwait(false);
        var cursor = await _log.ReadCursorAsync(subscriptionId, stream, CancellationToken.None).ConfigureAwait(false);
        return Math.Max(0, last - cursor);
    }

    /// <summary>Stops every partition (see <see cref="SetPartitionsAsync"/>) and the subscription refresh.</summary>
    public async ValueTask DisposeAsync()
    {
        if (_stopping.IsCancellationRequested) { return; }
        await _stopping.CancelAsync().ConfigureAwait(false);
        if (_refreshLoop is not null) { await _refreshLoop.ConfigureAwait(false); }
        PartitionReader[] readers;
        lock (_partitions) { readers = [.. _partitions.Values]; }
        await Task.WhenAll(readers.Select(r => StopPartitionAsync(r.Partition))).ConfigureAwait(false);
        if (_flushLoop is not null) { await _flushLoop.ConfigureAwait(false); }
        await FlushCursorsAsync().ConfigureAwait(false);
        _stopping.Dispose();
    }

    private void StartPartition(int partition)
    {
        PartitionReader reader;
        lock (_partitions)
        {
            // Under the lock a refresh also takes to swap routes, so the reader cannot miss one.
            reader = new PartitionReader(this, partition, _routes ?? []);
            _partitions[partition] = reader;
        }
        reader.Start();
    }

    private async Task StopPartitionAsync(int partition)
    {
        PartitionReader? reader;
        lock (_partitions)
        {
            if (!_partitions.Remove(partition, out reader)) { return; }
        }
        await reader.StopAsync().ConfigureAwait(false);
    }

    private void CountDelivered(string subscription)
    {
        Interlocked.Increment(ref _delivered);
        _deliveredBySubscription.AddOrUpdate(subscription, 1, (_, n) => n + 1);
    }

    private void ObserveUnfinished(int unfinished)
    {
        var peak = Volatile.Read(ref _peakUnfinished);
        while (unfinished > peak)
        {
            var seen = Interlocked.CompareExchange(ref _peakUnfinished, unfinished, peak);
            if (seen == peak) { return; }
            peak = seen;
        }
    }

    private TimeSpan RetryDelay(int failedAttempts)
    {
        var ticks = _options.InitialRetryDelay.Ticks * Math.Pow(2, Math.Min(failedAttempts - 1, 30));
        return ticks >= _options.MaxRetryDelay.Ticks ? _options.MaxRetryDelay : TimeSpan.FromTicks((long)ticks);
    }
}
