namespace Rayswarm.Runtime.Core;

public sealed partial class MembershipService
{
    private int _deadCallbackStarted;

    /// <summary>
    /// Makes <paramref name="snapshot"/> current unless a newer one is; a new version is queued for <see cref="Changed"/>
    /// (under the lock, so the queue stays in version order). Then checks whether the table shows this silo Dead.
    /// </summary>
    private void Publish(MembershipSnapshot snapshot)
    {
        var declaredDeadNow = false;
        lock (_gate)
        {
            var current = _view.Snapshot;
            if (snapshot.Version < current.Version) { return; }
            // At one version the rows are the same; a later read only has later I-am-alive times.
            Volatile.Write(ref _view, new MembershipView(snapshot));
            if (snapshot.Version == current.Version) { return; }
            // Flagged before the snapshot is queued, so the notifier sees the flag with the snapshot that caused it.
            declaredDeadNow = !_leaving && ShowsSelfDead(snapshot) && Interlocked.Exchange(ref _selfDead, 1) == 0;
            _changes.Writer.TryWrite(snapshot);
        }

        if (declaredDeadNow)
        {
            MembershipLog.SelfDeclaredDead(_logger, Silo);
            // Not awaited: this may run inside a loop, which the cancellation ends.
            _ = _stopping.CancelAsync();
        }
    }

    /// <summary>Whether the snapshot shows this silo Dead: its row is Dead, or is gone from a version that must contain it.</summary>
    private bool ShowsSelfDead(MembershipSnapshot snapshot)
    {
        var own = snapshot.Find(Silo);
        if (own is not null) { return own.Status == SiloStatus.Dead; }
        var inserted = Interlocked.Read(ref _insertedVersion);
        return inserted > 0 && snapshot.Version >= inserted;
    }

    /// <summary>Delivers queued changes one at a time, in version order, and then the self-death callback.</summary>
    private async Task NotifyAsync()
    {
        var dead = new HashSet<SiloAddress>();
        await foreach (var snapshot in _changes.Reader.ReadAllAsync())
        {
            var newlyDead = snapshot.Entries.Where(e => e.Status == SiloStatus.Dead && !dead.Contains(e.Silo)).Select(e => e.Silo).ToArray();
            dead = snapshot.Entries.Where(e => e.Status == SiloStatus.Dead).Select(e => e.Silo).ToHashSet();
            MembershipLog.Changed(_logger, snapshot.Version, snapshot.Active.Count(), newlyDead.Length == 0 ? "none" : string.Join(", ", newlyDead.AsEnumerable()));
            try
            {
                Changed?.Invoke(this, new MembershipChange(snapshot, newlyDead));
            }
            catch (Exception e)
            {
                MembershipLog.HandlerFailed(_logger, e, nameof(Changed));
            }

            if (IsDeclaredDead && !_leaving && ShowsSelfDead(snapshot) && Interlocked.Exchange(ref _deadCallbackStarted, 1) == 0)
            {
                _ = Task.Run(RunDeclaredDeadCallbackAsync);
            }
        }
    }

    private async Task RunDeclaredDeadCallbackAsync()
    {
        try
        {
            if (OnDeclaredDead is { } callback) { await callback(); }
        }
        catch (Exception e)
        {
            MembershipLog.HandlerFailed(_logger, e, nameof(OnDeclaredDead));
        }
    }
}
