using Rayswarm.Grains.Interfaces;

namespace Rayswarm.Grains;

/// <summary>
/// The workflow index: one row per workflow (its <see cref="WorkflowSummary"/>), written by the workflow's grain when its
/// status changes, read by lists and stats. The workflow's grain state is the truth; the index is what lists are answered
/// from. A row can lag its workflow when a write failed or its silo died between the two writes; the workflow's grain then
/// rewrites it (see <see cref="WorkflowGrain"/>: on activation, by a retry timer, and through its reminder).
/// </summary>
public interface IWorkflowIndexStore
{
    /// <summary>Adds or replaces the workflow's row; a row with an equal or newer <see cref="WorkflowSummary.Version"/> is
    /// kept. Concurrent upserts share one transaction (group commit); the task completes once a commit that includes this
    /// upsert is durable.</summary>
    Task UpsertAsync(WorkflowSummary summary, CancellationToken cancellationToken = default);

    /// <summary>The row of <paramref name="workflowId"/>, or null when it has none.</summary>
    Task<WorkflowSummary?> GetAsync(string workflowId, CancellationToken cancellationToken = default);

    /// <summary>The workflows with <paramref name="status"/> (any when null), newest first (ties by id in byte order),
    /// <paramref name="offset"/> skipped, at most <paramref name="limit"/>, and how many match.</summary>
    Task<WorkflowPage> ListAsync(string? status, int limit, int offset, CancellationToken cancellationToken = default);

    /// <summary>Counts over every workflow.</summary>
    Task<WorkflowStats> GetStatsAsync(CancellationToken cancellationToken = default);
}
