namespace Rayswarm.Runtime.Core;

public sealed partial class MembershipService
{
    // Dead rows are looked for at most this often (and at most as often as they expire).
    private static readonly TimeSpan CleanupInterval = TimeSpan.FromHours(1);

    private DateTimeOffset _lastCleanup = DateTimeOffset.MinValue;

    private async Task IAmAliveLoopAsync(CancellationToken cancellationToken)
    {
        while (true)
        {
            var started = _time.GetTimestamp();
            await DelayRestAsync(_options.IAmAlivePeriod, started, cancellationToken);
            try
            {
                await _table.UpdateIAmAliveAsync(Silo, _time.GetUtcNow(), cancellationToken);
            }
            catch (Exception e) when (!cancellationToken.IsCancellationRequested)
            {
                MembershipLog.ActivityFailed(_logger, e, "I-am-alive write");
            }
        }
    }

    private async Task RefreshLoopAsync(CancellationToken cancellationToken)
    {
        while (true)
        {
            var started = _time.GetTimestamp();
            await DelayRestAsync(_options.TableRefreshPeriod, started, cancellationToken);
            try
            {
                await DeclareStaleDeadAsync(await ReadAsync(cancellationToken), cancellationToken);
                await CleanupIfDueAsync(cancellationToken);
            }
            catch (Exception e) when (!cancellationToken.IsCancellationRequested)
            {
                MembershipLog.ActivityFailed(_logger, e, "table refresh");
            }
        }
    }

    /// <summary>Waits what is left of <paramref name="period"/> since <paramref name="started"/> (a TimeProvider timestamp).</summary>
    private Task DelayRestAsync(TimeSpan period, long started, CancellationToken cancellationToken)
    {
        var rest = period - _time.GetElapsedTime(started);
        if (rest > TimeSpan.Zero) { return Task.Delay(rest, _time, cancellationToken); }
        cancellationToken.ThrowIfCancellationRequested();
        return Task.CompletedTask;
    }

    /// <summary>Reads the whole table and makes it <see cref="Current"/> if it is newer.</summary>
    private async Task<MembershipSnapshot> ReadAsync(CancellationToken cancellationToken)
    {
        var snapshot = await _table.ReadAllAsync(cancellationToken);
        Publish(snapshot);
        return snapshot;
    }

    /// <summary>Declares Dead every other row (not Dead yet) whose I-am-alive time is older than the stale limit.</summary>
    private async Task DeclareStaleDeadAsync(MembershipSnapshot snapshot, CancellationToken cancellationToken)
    {
        var stale = snapshot.Entries.Where(e => e.Silo != Silo && IsStale(e, _time.GetUtcNow())).Select(e => e.Silo).ToArray();
        foreach (var silo in stale)
        {
            var result = await UpdateRowAsync(
                silo,
                snapshot,
                (_, stored) =>
                {
                    var now = _time.GetUtcNow();
                    return IsStale(stored, now) ? stored with { Status = SiloStatus.Dead, Suspicions = [.. stored.Suspicions, new Suspicion(Silo, now)] } : null;
                },
                cancellationToken);
            if (result is { Written: true, Row: { } row })
            {
                var before = snapshot.Find(silo);
                MembershipLog.DeclaredStaleDead(_logger, silo, before?.Status ?? row.Status, row.IAmAliveAt, _options.StaleSiloLimit);
            }
        }
    }

    private bool IsStale(MembershipEntry entry, DateTimeOffset now) =>
        entry.Status != SiloStatus.Dead && now - entry.IAmAliveAt > _options.StaleSiloLimit;

    private async Task CleanupIfDueAsync(CancellationToken cancellationToken)
    {
        if (_options.DeadSiloRetention == Timeout.InfiniteTimeSpan) { return; }
        var now = _time.GetUtcNow();
        if (now - _lastCleanup < (_options.DeadSiloRetention < CleanupInterval ? _options.DeadSiloRetention : CleanupInterval)) { return; }
        _lastCleanup = now;
        var before = now - _options.DeadSiloRetention;
        await _table.CleanupDeadAsync(before, cancellationToken);
        MembershipLog.CleanedUp(_logger, before);
    }

    /// <summary>Sets this silo's own status; false if it cannot (its row is Dead, or missing).</summary>
    internal async Task<bool> TrySetOwnStatusAsync(SiloStatus status, CancellationToken cancellationToken)
    {
        var result = await UpdateRowAsync(
            Silo,
            first: null,
            (_, stored) => stored.Status == status ? null : stored with { Status = status, IAmAliveAt = _time.GetUtcNow() },
            cancellationToken);
        if (result.Row?.Status != status)
        {
            if (result.Row is null) { MembershipLog.Refused(_logger, Silo, status, "missing"); }
            return false;
        }

        if (result.Written) { MembershipLog.StatusSet(_logger, Silo, status); }
        return true;
    }

    /// <summary>
    /// The compare-and-swap loop every versioned write of the service goes through: read, compute the new row, write it
    /// if the version did not move, else read again. <paramref name="change"/> returns null when nothing is to be written.
    /// Any change of a Dead row to another status is refused here: Dead is terminal.
    /// </summary>
    private async Task<RowWrite> UpdateRowAsync(
        SiloAddress silo, MembershipSnapshot? first, Func<MembershipSnapshot, MembershipEntry, MembershipEntry?> change, CancellationToken cancellationToken)
    {
        var snapshot = first;
        for (var attempt = 1; attempt <= MaxWriteAttempts; attempt++)
        {
            snapshot = attempt == 1 && snapshot is not null ? snapshot : await ReadAsync(cancellationToken);
            if (snapshot.Find(silo) is not { } stored) { return new RowWrite(null, Written: false); }
            if (change(snapshot, stored) is not { } updated) { return new RowWrite(stored, Written: false); }
            if (stored.Status == SiloStatus.Dead && updated.Status != SiloStatus.Dead)
            {
                MembershipLog.Refused(_logger, silo, updated.Status, nameof(SiloStatus.Dead));
                return new RowWrite(stored, Written: false);
            }

            if (await _table.TryUpdateAsync(updated, snapshot.Version, cancellationToken))
            {
                var written = updated with { IAmAliveAt = updated.IAmAliveAt > stored.IAmAliveAt ? updated.IAmAliveAt : stored.IAmAliveAt };
                Publish(new MembershipSnapshot(snapshot.Version + 1, [.. snapshot.Entries.Select(e => e.Silo == silo ? written : e)]));
                return new RowWrite(written, Written: true);
            }
        }

        MembershipLog.GaveUp(_logger, silo, MaxWriteAttempts);
        return new RowWrite(snapshot?.Find(silo), Written: false);
    }

    /// <summary>The row after a write attempt, and whether this attempt wrote it.</summary>
    private readonly record struct RowWrite(MembershipEntry? Row, bool Written);
}
