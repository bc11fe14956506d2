using Rayswarm.Grains.Interfaces;
using Rayswarm.Runtime.Abstractions;

namespace Rayswarm.Grains;

/// <summary>One partition of the workflow index; written when one of its workflows changes status (not per step).</summary>
public sealed class WorkflowIndexGrain([PersistentState("index", "Default")] IPersistentState<WorkflowIndexState> state)
    : Grain, IWorkflowIndexGrain
{
    public async Task Upsert(WorkflowSummary summary)
    {
        ArgumentNullException.ThrowIfNull(summary);
        if (state.State.Workflows.TryGetValue(summary.WorkflowId, out var existing) && existing.Version >= summary.Version) { return; }
        state.State.Workflows[summary.WorkflowId] = summary;
        await state.WriteStateAsync();
    }

    public Task<WorkflowPage> List(string? status, int limit)
    {
        var matching = state.State.Workflows.Values.Where(w => status is null || w.Status == status).ToList();
        IReadOnlyList<WorkflowSummary> page = [.. matching.OrderByDescending(w => w.CreatedAt).ThenBy(w => w.WorkflowId, StringComparer.Ordinal).Take(limit)];
        return Task.FromResult(new WorkflowPage(page, matching.Count, limit, 0));
    }

    public Task<WorkflowIndexTotals> Totals()
    {
        var all = state.State.Workflows.Values;
        var byStatus = all.GroupBy(w => w.Status).ToDictionary(g => g.Key, g => (long)g.Count(), StringComparer.Ordinal);
        var finished = all.Where(w => w.StartedAt is not null && w.FinishedAt is not null).ToList();
        return Task.FromResult(new WorkflowIndexTotals(
            byStatus,
            all.Sum(w => (long)w.StepsCompleted),
            all.Sum(w => (long)w.Compensations),
            finished.Count,
            finished.Sum(w => (w.FinishedAt!.Value - w.StartedAt!.Value).TotalMilliseconds)));
    }
}
