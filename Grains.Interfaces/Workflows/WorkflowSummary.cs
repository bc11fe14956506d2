namespace Rayswarm.Grains.Interfaces;

/// <summary>What the workflow index keeps of one workflow (an item of <c>GET /domains/workflows/list</c>).</summary>
/// <param name="WorkflowId">The workflow's id.</param>
/// <param name="Name">Its name.</param>
/// <param name="Status">Its status.</param>
/// <param name="CreatedAt">When it was created.</param>
/// <param name="StartedAt">When execution began.</param>
/// <param name="FinishedAt">When it reached a terminal status.</param>
/// <param name="Steps">How many steps it has.</param>
/// <param name="StepsCompleted">How many step actions completed.</param>
/// <param name="Compensations">How many compensations ran (succeeded or failed).</param>
/// <param name="Error">Why it rolled back or failed.</param>
/// <param name="Version">The audit length when this summary was taken; an index keeps the newest.</param>
[GenerateSerializer, Immutable, Alias("rayswarm.WorkflowSummary")]
public sealed record WorkflowSummary(
    string WorkflowId,
    string Name,
    string Status,
    DateTimeOffset CreatedAt,
    DateTimeOffset? StartedAt,
    DateTimeOffset? FinishedAt,
    int Steps,
    int StepsCompleted,
    int Compensations,
    string? Error,
    int Version);
