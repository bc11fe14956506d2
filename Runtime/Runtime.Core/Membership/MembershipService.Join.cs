namespace Rayswarm.Runtime.Core;

public sealed partial class MembershipService
{
    /// <summary>
    /// Joins the cluster: inserts this silo's row as Joining, declares stale rows Dead, probes every Active silo whose
    /// I-am-alive time is fresh (see <see cref="ProbeActiveSilosAsync"/>: a joining silo never votes), then sets this silo Active and starts the
    /// background loops. Call once.
    /// </summary>
    /// <exception cref="InvalidOperationException">The row of this silo is Dead (it was declared dead, or left before):
    /// a Dead silo never becomes Active again. The service is then stopped.</exception>
    public async Task JoinAsync(CancellationToken cancellationToken)
    {
        ObjectDisposedException.ThrowIf(Volatile.Read(ref _disposed) != 0, this);
        if (Interlocked.Exchange(ref _joinStarted, 1) != 0) { throw new InvalidOperationException($"{nameof(JoinAsync)} may be called only once."); }
        MembershipLog.Joining(_logger, Silo, Name);
        using var linked = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken, _stopping.Token);
        var token = linked.Token;
        try
        {
            await _table.InitializeAsync(token);
            await InsertOwnRowAsync(token);
            StartLoop(IAmAliveLoopAsync);
            await ProbeActiveSilosAsync(token);
            if (!await TrySetOwnStatusAsync(SiloStatus.Active, token)) { throw DeadRowError(); }
        }
        catch (OperationCanceledException) when (IsDeclaredDead && !cancellationToken.IsCancellationRequested)
        {
            throw DeadRowError();
        }
        catch
        {
            // A silo that failed to join does not serve: stop saying it is alive, so that its row goes stale.
            await StopLoopsAsync();
            throw;
        }

        StartLoop(RefreshLoopAsync);
        StartLoop(ProbeLoopAsync);
        MembershipLog.Joined(_logger, Silo, Current.Version, ActiveSilos.Count);
    }

    private InvalidOperationException DeadRowError() =>
        new($"Silo {Silo} cannot become Active: its membership row is Dead (Dead is terminal; a restarted silo needs a new generation).");

    private async Task InsertOwnRowAsync(CancellationToken cancellationToken)
    {
        for (var attempt = 1; attempt <= MaxWriteAttempts; attempt++)
        {
            var snapshot = await ReadAsync(cancellationToken);
            var existing = snapshot.Find(Silo);
            if (existing is not null)
            {
                // A retried join finds its own row; a Dead one is final.
                if (existing.Status == SiloStatus.Dead) { throw DeadRowError(); }
                Interlocked.CompareExchange(ref _insertedVersion, snapshot.Version, 0);
                return;
            }

            var now = _time.GetUtcNow();
            var entry = new MembershipEntry(Silo, SiloStatus.Joining, Name, now, now, []);
            if (await _table.TryInsertAsync(entry, snapshot.Version, cancellationToken))
            {
                Interlocked.Exchange(ref _insertedVersion, snapshot.Version + 1);
                Publish(new MembershipSnapshot(snapshot.Version + 1, [.. snapshot.Entries, entry]));
                return;
            }
        }

        throw new InvalidOperationException($"Silo {Silo} could not insert its membership row: {MaxWriteAttempts} version conflicts in a row.");
    }

    /// <summary>
    /// Before it serves, a joining silo must reach the cluster: it probes every Active silo with a fresh I-am-alive time
    /// and goes on once at least one answers (or there is none). It never votes: a silo that cannot reach anyone is far
    /// more likely the broken one (a wrong cluster secret, a partition) than all the others. If nobody answers it retries
    /// until the silent rows go stale (then they are declared Dead as stale, which covers a whole cluster restarting) or
    /// gives up after twice <see cref="MembershipOptions.StaleSiloLimit"/>.
    /// </summary>
    private async Task ProbeActiveSilosAsync(CancellationToken cancellationToken)
    {
        var deadline = _time.GetUtcNow() + (2 * _options.StaleSiloLimit);
        while (true)
        {
            var snapshot = await ReadAsync(cancellationToken);
            await DeclareStaleDeadAsync(snapshot, cancellationToken);
            snapshot = Current;
            var now = _time.GetUtcNow();
            var targets = snapshot.Entries
                .Where(e => e.Status == SiloStatus.Active && e.Silo != Silo && now - e.IAmAliveAt <= _options.StaleSiloLimit)
                .Select(e => e.Silo)
                .ToArray();
            if (targets.Length == 0) { return; }
            var answered = await Task.WhenAll(targets.Select(t => CheckAsync(snapshot, t, cancellationToken)));
            if (answered.Any(a => a)) { return; }
            if (_time.GetUtcNow() > deadline)
            {
                throw new InvalidOperationException(
                    $"Silo {Silo} cannot reach any active silo of the cluster ({string.Join(", ", targets.Select(t => t.ToString()))}): " +
                    "check the cluster secret (Rayswarm:Cluster:Secret), the cluster id and the network.");
            }
            await Task.Delay(_options.ProbePeriod, _time, cancellationToken);
        }
    }
}
