namespace Rayswarm.Runtime.Core;

/// <summary>A snapshot of a delivery agent's counters since it started.</summary>
/// <param name="Delivered">Successful deliveries.</param>
/// <param name="FailedAttempts">Deliveries that threw (each retry counts).</param>
/// <param name="Parked">Events parked as dead letters.</param>
/// <param name="Unfinished">Events read but not yet finished by every subscriber, over all owned partitions.</param>
/// <param name="PeakUnfinishedPerPartition">The most unfinished events one partition ever had (bounded by MaxInFlightPerPartition).</param>
/// <param name="DeliveredBySubscription">Successful deliveries per subscription id.</param>
public sealed record StreamAgentStats(
    long Delivered,
    long FailedAttempts,
    long Parked,
    int Unfinished,
    int PeakUnfinishedPerPartition,
    IReadOnlyDictionary<string, long> DeliveredBySubscription);
