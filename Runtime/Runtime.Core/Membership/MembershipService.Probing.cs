namespace Rayswarm.Runtime.Core;

public sealed partial class MembershipService
{
    /// <summary>Each period, probes this silo's ring successors (see <see cref="ProbeRoundAsync"/>).</summary>
    private async Task ProbeLoopAsync(CancellationToken cancellationToken)
    {
        // Consecutive failed direct probes per target; only this loop touches it.
        var misses = new Dictionary<SiloAddress, int>();
        while (true)
        {
            var started = _time.GetTimestamp();
            try
            {
                await ProbeRoundAsync(misses, cancellationToken);
            }
            catch (Exception e) when (!cancellationToken.IsCancellationRequested)
            {
                MembershipLog.ActivityFailed(_logger, e, "probing");
            }

            await DelayRestAsync(_options.ProbePeriod, started, cancellationToken);
        }
    }

    /// <summary>
    /// Probes every target directly. A target that has now missed <see cref="MembershipOptions.MissedProbesLimit"/> direct
    /// probes in a row is probed indirectly too; if that fails as well (or no silo can relay), this silo votes.
    /// </summary>
    private async Task ProbeRoundAsync(Dictionary<SiloAddress, int> misses, CancellationToken cancellationToken)
    {
        var snapshot = Current;
        var targets = ProbeRing.Successors(snapshot, Silo, _options.ProbedSilos);
        foreach (var gone in misses.Keys.Except(targets).ToArray()) { misses.Remove(gone); }

        var outcomes = await Task.WhenAll(targets.Select(t => ProbeTargetAsync(snapshot, t, misses.GetValueOrDefault(t), cancellationToken)));
        for (var i = 0; i < targets.Count; i++)
        {
            var target = targets[i];
            if (outcomes[i].Answered)
            {
                misses.Remove(target);
                continue;
            }

            var missed = misses[target] = misses.GetValueOrDefault(target) + 1;
            MembershipLog.ProbeFailed(_logger, target, missed);
            if (outcomes[i].Relayed == true) { MembershipLog.ReachedOnlyIndirectly(_logger, target, missed); }
            // Every further failed round refreshes the vote, so it does not expire while the target stays silent.
            if (outcomes[i].Relayed == false) { await VoteAsync(target, cancellationToken); }
        }
    }

    /// <summary>
    /// One round for one target. Relayed is the indirect probe's result, asked for only when a failed direct probe
    /// reaches the limit; after a first miss it runs alongside the direct probe, so that a silo that hangs costs one
    /// probe timeout per round rather than two.
    /// </summary>
    private async Task<(bool Answered, bool? Relayed)> ProbeTargetAsync(
        MembershipSnapshot snapshot, SiloAddress target, int missedBefore, CancellationToken cancellationToken)
    {
        var reachesLimit = missedBefore + 1 >= _options.MissedProbesLimit;
        var direct = ProbeDirectlyAsync(target, cancellationToken);
        var relay = reachesLimit && missedBefore >= 1 ? ProbeIndirectlyAsync(snapshot, target, cancellationToken) : null;
        var answered = await direct;
        var relayed = relay is null ? (bool?)null : await relay;
        if (answered || !reachesLimit) { return (answered, null); }
        return (false, relayed ?? await ProbeIndirectlyAsync(snapshot, target, cancellationToken));
    }

    /// <summary>A direct probe, and if that fails an indirect one (used at join, where there is no history of misses).</summary>
    private async Task<bool> CheckAsync(MembershipSnapshot snapshot, SiloAddress target, CancellationToken cancellationToken) =>
        await ProbeDirectlyAsync(target, cancellationToken) || await ProbeIndirectlyAsync(snapshot, target, cancellationToken);

    private Task<bool> ProbeDirectlyAsync(SiloAddress target, CancellationToken cancellationToken) =>
        ProbeAsync(p => p.ProbeAsync(target, _options.ProbeTimeout, cancellationToken), cancellationToken);

    /// <summary>Asks a random other Active silo to probe <paramref name="target"/>; false if it fails or no silo can relay.</summary>
    /// <remarks>A success is only news when the direct probe failed, so it is logged at Debug.</remarks>
    private async Task<bool> ProbeIndirectlyAsync(MembershipSnapshot snapshot, SiloAddress target, CancellationToken cancellationToken)
    {
        var intermediaries = snapshot.Entries
            .Where(e => e.Status == SiloStatus.Active && e.Silo != Silo && e.Silo != target)
            .Select(e => e.Silo)
            .ToArray();
        if (intermediaries.Length == 0) { return false; }
        var via = intermediaries[Random.Shared.Next(intermediaries.Length)];
        var reached = await ProbeAsync(p => p.ProbeIndirectlyAsync(via, target, _options.ProbeTimeout, cancellationToken), cancellationToken);
        MembershipLog.IndirectProbe(_logger, target, via, reached);
        return reached;
    }

    /// <summary>A probe that fails rather than throws, and cannot outlast twice the timeout even if the prober ignores it.</summary>
    private async Task<bool> ProbeAsync(Func<ISiloProber, Task<bool>> probe, CancellationToken cancellationToken)
    {
        try
        {
            return await probe(_prober).WaitAsync(2 * _options.ProbeTimeout, _time, cancellationToken);
        }
        catch (Exception) when (!cancellationToken.IsCancellationRequested)
        {
            return false;
        }
    }

    /// <summary>Adds (or refreshes) this silo's vote against <paramref name="target"/>, declaring it Dead if the fresh votes suffice.</summary>
    private async Task VoteAsync(SiloAddress target, CancellationToken cancellationToken)
    {
        var result = await UpdateRowAsync(
            target,
            first: null,
            (snapshot, stored) => stored.Status == SiloStatus.Dead ? null : DeathVotes.AddVote(snapshot, stored, Silo, _time.GetUtcNow(), _options),
            cancellationToken);
        if (!result.Written || result.Row is not { } row) { return; }
        if (row.Status == SiloStatus.Dead)
        {
            MembershipLog.DeclaredDeadByVotes(_logger, target, string.Join(", ", row.Suspicions.Select(s => s.By)));
        }
        else
        {
            MembershipLog.Voted(_logger, target, row.Suspicions.Count, DeathVotes.Needed(Current, target, _options));
        }
    }
}
