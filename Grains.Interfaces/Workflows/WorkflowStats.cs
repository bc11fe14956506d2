namespace Rayswarm.Grains.Interfaces;

/// <summary>Counts over every workflow (the body of <c>GET /domains/workflows-stats</c>).</summary>
/// <param name="TotalWorkflows">Workflows created.</param>
/// <param name="ByStatus">Workflows per status (every status listed, zeros included).</param>
/// <param name="StepsCompleted">Step actions that completed.</param>
/// <param name="Compensations">Compensations run.</param>
/// <param name="AverageDurationMs">Mean time from start to terminal status over finished workflows; 0 when none.</param>
/// <param name="ActiveWorkflows">Workflows running or rolling back.</param>
/// <param name="Partitions">Always 1: the workflow index is one table (the field stays so the stats body keeps its shape).</param>
[GenerateSerializer, Immutable, Alias("rayswarm.WorkflowStats")]
public sealed record WorkflowStats(
    long TotalWorkflows,
    IReadOnlyDictionary<string, long> ByStatus,
    long StepsCompleted,
    long Compensations,
    double AverageDurationMs,
    long ActiveWorkflows,
    int Partitions);
