namespace Rayswarm.Grains.Interfaces;

/// <summary>One link of a workflow's hash-chained audit log (docs/workflows.md describes the hash).</summary>
/// <param name="Index">Position in the log, from 0.</param>
/// <param name="Timestamp">When the transition happened (UTC).</param>
/// <param name="Type">The transition (<see cref="WorkflowAuditTypes"/>).</param>
/// <param name="StepId">The step it concerns, or null for workflow-level transitions.</param>
/// <param name="Detail">What happened, for people (an error message, "resumed").</param>
/// <param name="DataHash">SHA-256 (hex) of the canonical JSON of the data the transition produced: the definition for
/// <c>created</c>, the output for <c>step_completed</c>; null otherwise.</param>
/// <param name="PrevHash">The previous entry's hash (64 zeros for the first).</param>
/// <param name="Hash">SHA-256 (hex) over <paramref name="PrevHash"/> and this entry's canonical form.</param>
/// <param name="Actor">The principal that caused the transition (who created, started, approved or rejected); null for the
/// workflow's own transitions and in entries written before principals existed.</param>
[GenerateSerializer, Immutable, Alias("rayswarm.WorkflowAuditEntry")]
public sealed record WorkflowAuditEntry(
    int Index,
    DateTimeOffset Timestamp,
    string Type,
    string? StepId,
    string? Detail,
    string? DataHash,
    string PrevHash,
    string Hash,
    string? Actor = null);
