namespace Rayswarm.Grains.Interfaces;

/// <summary>One index partition's contribution to <see cref="WorkflowStats"/>.</summary>
/// <param name="ByStatus">Workflows per status.</param>
/// <param name="StepsCompleted">Step actions that completed.</param>
/// <param name="Compensations">Compensations run.</param>
/// <param name="Finished">Workflows that started and reached a terminal status.</param>
/// <param name="FinishedDurationMs">The sum of their durations.</param>
public sealed record WorkflowIndexTotals(
    IReadOnlyDictionary<string, long> ByStatus,
    long StepsCompleted,
    long Compensations,
    long Finished,
    double FinishedDurationMs);
