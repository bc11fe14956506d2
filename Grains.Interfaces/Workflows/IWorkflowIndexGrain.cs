using Rayswarm.Runtime.Abstractions;

namespace Rayswarm.Grains.Interfaces;

/// <summary>One partition of the workflow index (key <see cref="WorkflowPartitions.Key"/>): the summaries of the workflows
/// that hash to it, updated when a workflow changes status. Lists and stats ask every partition in parallel.</summary>
public interface IWorkflowIndexGrain : IGrainWithStringKey
{
    /// <summary>Adds or replaces a summary; an older <see cref="WorkflowSummary.Version"/> than the stored one is ignored.</summary>
    Task Upsert(WorkflowSummary summary);

    /// <summary>The newest <paramref name="limit"/> summaries with <paramref name="status"/> (any when null), newest first,
    /// and how many match in this partition.</summary>
    [ReadOnly]
    Task<WorkflowPage> List(string? status, int limit);

    /// <summary>This partition's totals.</summary>
    [ReadOnly]
    Task<WorkflowIndexTotals> Totals();
}
