namespace Rayswarm.Grains.Interfaces;

/// <summary>A workflow with its steps, audit trail and proof (the body of <c>GET /domains/workflows/{id}</c>).</summary>
/// <param name="WorkflowId">The workflow's id ("wf_" and 32 hex digits).</param>
/// <param name="Name">Its name.</param>
/// <param name="Status">Its status (<see cref="WorkflowStatus"/>).</param>
/// <param name="CreatedAt">When it was created.</param>
/// <param name="StartedAt">When execution began.</param>
/// <param name="FinishedAt">When it reached a terminal status.</param>
/// <param name="Error">Why it rolled back or failed: the failed step, and any failed compensation.</param>
/// <param name="Steps">Its steps in definition order.</param>
/// <param name="Audit">Every transition, oldest first, hash-chained.</param>
/// <param name="Proof">The signature over the audit head.</param>
[GenerateSerializer, Immutable, Alias("rayswarm.WorkflowInfo")]
public sealed record WorkflowInfo(
    string WorkflowId,
    string Name,
    string Status,
    DateTimeOffset CreatedAt,
    DateTimeOffset? StartedAt,
    DateTimeOffset? FinishedAt,
    string? Error,
    IReadOnlyList<WorkflowStepInfo> Steps,
    IReadOnlyList<WorkflowAuditEntry> Audit,
    WorkflowProof Proof);
