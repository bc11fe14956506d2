namespace Rayswarm.Runtime.Core;

/// <summary>
/// Failure detection and the membership table. Configuration section <c>Rayswarm:Membership</c>.
/// With the defaults a silo whose process is gone (probes refused at once) is declared Dead about 2 seconds after it
/// died: two failed probes one second apart, a failed indirect probe, then the votes of two peers; a silo that stops
/// answering without refusing (probes time out) takes about 3–4 seconds.
/// </summary>
public sealed class MembershipOptions
{
    /// <summary>The configuration section these options bind from.</summary>
    public const string SectionName = "Rayswarm:Membership";

    /// <summary>How often a silo probes each silo it monitors. Default 1 second.</summary>
    public TimeSpan ProbePeriod { get; set; } = TimeSpan.FromSeconds(1);

    /// <summary>How long one probe (direct or indirect) may take before it counts as failed. Default 1 second.</summary>
    public TimeSpan ProbeTimeout { get; set; } = TimeSpan.FromSeconds(1);

    /// <summary>
    /// How many direct probes of a peer must fail in a row before it is probed indirectly, through a random other Active
    /// silo. From then on every failed direct probe is followed by an indirect one; when that fails too (or no other
    /// silo can relay), this silo votes the peer dead, or refreshes its vote. Default 2.
    /// </summary>
    public int MissedProbesLimit { get; set; } = 2;

    /// <summary>
    /// Votes needed to declare a silo Dead. The effective number is this, capped at the number of Active silos other
    /// than the suspect, and at least 1 (so in a cluster of two, one vote suffices). Default 2.
    /// </summary>
    public int NumVotesForDeath { get; set; } = 2;

    /// <summary>
    /// Votes older than this no longer count (and are dropped on the next write of the row). A voter refreshes its
    /// vote on every failed round, so this only has to outlast the gap between the first and the last needed voter;
    /// it must be longer than <see cref="ProbePeriod"/>. Default 10 seconds.
    /// </summary>
    public TimeSpan SuspicionExpiry { get; set; } = TimeSpan.FromSeconds(10);

    /// <summary>How often a silo writes its I-am-alive time. Default 5 seconds.</summary>
    public TimeSpan IAmAlivePeriod { get; set; } = TimeSpan.FromSeconds(5);

    /// <summary>
    /// A silo whose I-am-alive time is older than this is stale: a joining silo neither probes nor waits for it, and any
    /// silo may declare it Dead without votes. Must be longer than <see cref="IAmAlivePeriod"/>. Default 30 seconds.
    /// </summary>
    public TimeSpan StaleSiloLimit { get; set; } = TimeSpan.FromSeconds(30);

    /// <summary>How often the table is read again to learn changes made by other silos. Default 1 second.</summary>
    public TimeSpan TableRefreshPeriod { get; set; } = TimeSpan.FromSeconds(1);

    /// <summary>
    /// How many silos each silo probes: its successors on a ring of the Active (and ShuttingDown) silos ordered by a
    /// stable hash of their addresses. Default 3.
    /// </summary>
    public int ProbedSilos { get; set; } = 3;

    /// <summary>
    /// How long the rows of Dead silos are kept (by their last I-am-alive time) before an Active silo deletes them;
    /// <see cref="Timeout.InfiniteTimeSpan"/> keeps them for ever. Default 1 day.
    /// </summary>
    public TimeSpan DeadSiloRetention { get; set; } = TimeSpan.FromDays(1);
}
