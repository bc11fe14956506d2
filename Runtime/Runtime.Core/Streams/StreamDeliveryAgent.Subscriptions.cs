namespace Rayswarm.Runtime.Core;

// Keeping the subscriptions current.
internal sealed partial class StreamDeliveryAgent
{
    /// <summary>Re-reads the explicit subscriptions now (the silo calls this after adding or removing one). A new subscription
    /// makes every owned partition re-read from before its first event; lanes of a removed one stop.</summary>
    public async Task RefreshSubscriptionsAsync()
    {
        await _refreshing.WaitAsync(_stopping.Token).ConfigureAwait(false);
        try
        {
            // Where each reader was before we looked: anything read since may have missed a new subscription.
            Dictionary<int, long> readBefore;
            lock (_partitions) { readBefore = _partitions.Values.ToDictionary(r => r.Partition, r => r.ReadPosition); }

            var subscriptions = await _log.ReadSubscriptionsAsync(_stopping.Token).ConfigureAwait(false);
            var routes = _implicitSubscriptions().Select(StreamRoute.Implicit)
                .Concat(subscriptions.Select(StreamRoute.Explicit))
                .DistinctBy(r => r.Id, StringComparer.Ordinal)
                .ToList();
            var previous = _routes;
            var previousIds = previous?.Select(r => r.Id).ToHashSet(StringComparer.Ordinal) ?? [];
            var currentIds = routes.Select(r => r.Id).ToHashSet(StringComparer.Ordinal);
            var removed = previousIds.Where(id => !currentIds.Contains(id)).ToHashSet(StringComparer.Ordinal);

            long? rescanFrom = null;
            if (previous is not null)
            {
                foreach (var route in routes.Where(r => !previousIds.Contains(r.Id)))
                {
                    var first = await _log.ReadHistoryAsync(route.Namespace, route.Pattern, 0, route.CreatedAt, 1, _stopping.Token).ConfigureAwait(false);
                    var from = first.Count > 0 ? first[0].Position - 1 : long.MaxValue;
                    rescanFrom = Math.Min(rescanFrom ?? long.MaxValue, from);
                }
            }
            if (previous is not null && removed.Count == 0 && rescanFrom is null && routes.Count == previous.Count) { return; }

            lock (_partitions)
            {
                _routes = routes;
                foreach (var reader in _partitions.Values)
                {
                    long? from = rescanFrom is { } r ? Math.Min(r, readBefore.GetValueOrDefault(reader.Partition, r)) : null;
                    reader.UseRoutes(routes, removed, from);
                }
            }
        }
        finally
        {
            _refreshing.Release();
        }
    }

    /// <summary>How long after its creation a subscription may still be unknown to some silo's agent (it refreshes every
    /// <see cref="StreamOptions.SubscriptionRefreshPeriod"/>); a partition that changes owner re-reads the events of such
    /// recent subscriptions so none is skipped.</summary>
    private static readonly TimeSpan s_settleTime = TimeSpan.FromMinutes(2);

    /// <summary>The position before the first event of any subscription younger than the settle time (long.MaxValue if none).</summary>
    private async Task<long> RecentSubscriptionsStartAsync(CancellationToken cancellation)
    {
        var since = _time.GetUtcNow() - s_settleTime;
        var start = long.MaxValue;
        foreach (var subscription in await _log.ReadSubscriptionsAsync(cancellation).ConfigureAwait(false))
        {
            if (subscription.CreatedAt < since) { continue; }
            var first = await _log.ReadHistoryAsync(subscription.Namespace, new Abstractions.StreamPattern(subscription.Pattern), 0, subscription.CreatedAt, 1, cancellation).ConfigureAwait(false);
            if (first.Count > 0) { start = Math.Min(start, first[0].Position - 1); }
        }
        return start;
    }

    private async Task RefreshLoopAsync()
    {
        while (!_stopping.IsCancellationRequested)
        {
            try
            {
                await Task.Delay(_options.SubscriptionRefreshPeriod, _time, _stopping.Token).ConfigureAwait(false);
                await RefreshSubscriptionsAsync().ConfigureAwait(false);
            }
            catch (OperationCanceledException) when (_stopping.IsCancellationRequested)
            {
                return;
            }
            catch (Exception e)
            {
                _logger.RefreshFailed(e);
            }
        }
    }
}
