using Microsoft.Extensions.Logging;

namespace Rayswarm.Runtime.Core;

/// <summary>The membership protocol's log events (source-generated). Event ids 100–199.</summary>
internal static partial class MembershipLog
{
    [LoggerMessage(100, LogLevel.Information, "Silo {Silo} ({Name}) is joining the cluster")]
    public static partial void Joining(ILogger logger, SiloAddress silo, string name);

    [LoggerMessage(101, LogLevel.Information, "Silo {Silo} joined the cluster and is Active (membership version {Version}, {ActiveCount} Active silos)")]
    public static partial void Joined(ILogger logger, SiloAddress silo, long version, int activeCount);

    [LoggerMessage(102, LogLevel.Information, "Silo {Silo} is now {Status}")]
    public static partial void StatusSet(ILogger logger, SiloAddress silo, SiloStatus status);

    [LoggerMessage(103, LogLevel.Warning, "Refused to set silo {Silo} to {Status}: its row is {Stored}, and Dead is terminal")]
    public static partial void Refused(ILogger logger, SiloAddress silo, SiloStatus status, string stored);

    [LoggerMessage(104, LogLevel.Debug, "Direct probe of {Target} failed ({Misses} in a row)")]
    public static partial void ProbeFailed(ILogger logger, SiloAddress target, int misses);

    [LoggerMessage(105, LogLevel.Debug, "Indirect probe of {Target} through {Intermediary}: reached = {Reached}")]
    public static partial void IndirectProbe(ILogger logger, SiloAddress target, SiloAddress intermediary, bool reached);

    [LoggerMessage(106, LogLevel.Warning, "Voted silo {Target} dead ({Votes} of {Needed} fresh votes needed)")]
    public static partial void Voted(ILogger logger, SiloAddress target, int votes, int needed);

    [LoggerMessage(107, LogLevel.Warning, "Declared silo {Target} Dead with the votes of {Voters}")]
    public static partial void DeclaredDeadByVotes(ILogger logger, SiloAddress target, string voters);

    [LoggerMessage(108, LogLevel.Warning, "Declared silo {Target} ({Status}) Dead: its last I-am-alive was at {IAmAliveAt:O}, older than the stale limit {StaleSiloLimit}")]
    public static partial void DeclaredStaleDead(ILogger logger, SiloAddress target, SiloStatus status, DateTimeOffset iAmAliveAt, TimeSpan staleSiloLimit);

    [LoggerMessage(109, LogLevel.Error, "Silo {Silo} was declared Dead by the cluster; it stops probing and must stop")]
    public static partial void SelfDeclaredDead(ILogger logger, SiloAddress silo);

    [LoggerMessage(110, LogLevel.Information, "Silo {Silo} left the cluster (row set to Dead)")]
    public static partial void Left(ILogger logger, SiloAddress silo);

    [LoggerMessage(111, LogLevel.Warning, "Membership {Activity} failed; it is retried")]
    public static partial void ActivityFailed(ILogger logger, Exception error, string activity);

    [LoggerMessage(112, LogLevel.Warning, "Gave up writing the row of {Target} after {Attempts} version conflicts; the next round tries again")]
    public static partial void GaveUp(ILogger logger, SiloAddress target, int attempts);

    [LoggerMessage(113, LogLevel.Error, "A membership {Callback} handler threw")]
    public static partial void HandlerFailed(ILogger logger, Exception error, string callback);

    [LoggerMessage(114, LogLevel.Information, "Membership changed to version {Version}: {ActiveCount} Active, newly Dead: {NewlyDead}")]
    public static partial void Changed(ILogger logger, long version, int activeCount, string newlyDead);

    [LoggerMessage(116, LogLevel.Information, "Direct probes of {Target} failed {Misses} times in a row, but another silo reached it: no vote")]
    public static partial void ReachedOnlyIndirectly(ILogger logger, SiloAddress target, int misses);

    [LoggerMessage(115, LogLevel.Debug, "Deleted the rows of silos Dead since before {Before:O}")]
    public static partial void CleanedUp(ILogger logger, DateTimeOffset before);
}
