namespace Rayswarm.Runtime.Core;

/// <summary>The voting rules: which suspicions still count, and how many are needed to declare a silo Dead.</summary>
internal static class DeathVotes
{
    /// <summary>
    /// The votes that count against <paramref name="suspect"/> at <paramref name="now"/>: not older than
    /// <see cref="MembershipOptions.SuspicionExpiry"/>, one per voter (its latest), and not cast by a silo that is itself Dead.
    /// </summary>
    public static IReadOnlyList<Suspicion> Fresh(MembershipSnapshot snapshot, MembershipEntry suspect, DateTimeOffset now, MembershipOptions options) =>
        suspect.Suspicions
            .Where(s => now - s.At <= options.SuspicionExpiry && s.By != suspect.Silo)
            .Where(s => snapshot.Find(s.By)?.Status != SiloStatus.Dead)
            .GroupBy(s => s.By)
            .Select(g => g.MaxBy(s => s.At)!)
            .ToArray();

    /// <summary>
    /// The votes needed against <paramref name="suspect"/>: <see cref="MembershipOptions.NumVotesForDeath"/>, capped at the
    /// number of Active silos other than the suspect, and at least 1.
    /// </summary>
    public static int Needed(MembershipSnapshot snapshot, SiloAddress suspect, MembershipOptions options)
    {
        var others = snapshot.Entries.Count(e => e.Status == SiloStatus.Active && e.Silo != suspect);
        return Math.Max(1, Math.Min(options.NumVotesForDeath, others));
    }

    /// <summary>
    /// The row after <paramref name="voter"/> votes at <paramref name="now"/>: its fresh votes plus this one (replacing the
    /// voter's earlier vote), and status Dead if they are enough.
    /// </summary>
    public static MembershipEntry AddVote(MembershipSnapshot snapshot, MembershipEntry suspect, SiloAddress voter, DateTimeOffset now, MembershipOptions options)
    {
        var votes = Fresh(snapshot, suspect, now, options).Where(s => s.By != voter).Append(new Suspicion(voter, now)).ToArray();
        var dead = votes.Length >= Needed(snapshot, suspect.Silo, options);
        return suspect with { Status = dead ? SiloStatus.Dead : suspect.Status, Suspicions = votes };
    }
}
