using Rayswarm.Grains.Interfaces;
using Rayswarm.Runtime.Abstractions;

namespace Rayswarm.Grains;

/// <summary>The workflows' entry point. A stateless worker, so it is never a hot spot: per-workflow calls go to the
/// workflow's grain; lists and stats ask every index partition in parallel and merge. Reentrant (it has no state), so an
/// <see cref="Execute"/> waiting for its workflow does not hold up the calls queued behind it.</summary>
[StatelessWorker]
[Reentrant]
public sealed class WorkflowsGrain : Grain, IWorkflowsGrain
{
    private const int DefaultLimit = 50;

    public async Task<WorkflowInfo> Create(CreateWorkflowRequest request)
    {
        ArgumentNullException.ThrowIfNull(request, "request");
        request.Validate(); // here too, so bad input never activates a workflow grain
        return await Workflow("wf_" + Guid.NewGuid().ToString("N")).Create(request);
    }

    public async Task<WorkflowInfo> Execute(string workflowId, int? waitSeconds)
    {
        if (waitSeconds is < 0 || waitSeconds > IWorkflowGrain.MaxWait.TotalSeconds)
        {
            throw new ArgumentException($"wait_seconds must be between 0 and {IWorkflowGrain.MaxWait.TotalSeconds:0} (was {waitSeconds}).", "wait_seconds");
        }
        var wait = waitSeconds is { } seconds ? TimeSpan.FromSeconds(seconds) : IWorkflowsGrain.DefaultWait;
        return await Workflow(workflowId).Execute(wait);
    }

    public async Task<WorkflowInfo> Get(string workflowId) => await Workflow(workflowId).Get();

    public async Task<WorkflowVerification> Verify(string workflowId) => await Workflow(workflowId).Verify();

    public async Task<WorkflowPage> List(string? status, int? limit, int? offset)
    {
        if (status is not null && !WorkflowStatus.All.Contains(status))
        {
            throw new ArgumentException($"status must be one of {string.Join(", ", WorkflowStatus.All)} (was '{status}').", "status");
        }
        var take = limit ?? DefaultLimit;
        if (take is < 1 or > IWorkflowsGrain.MaxLimit)
        {
            throw new ArgumentException($"limit must be between 1 and {IWorkflowsGrain.MaxLimit} (was {take}).", "limit");
        }
        var skip = offset ?? 0;
        if (skip < 0) { throw new ArgumentException($"offset must not be negative (was {skip}).", "offset"); }
        // Each partition returns its newest offset+limit; the merged page is exact.
        var pages = await Task.WhenAll(Enumerable.Range(0, WorkflowPartitions.Count).Select(p =>
            GrainFactory.GetGrain<IWorkflowIndexGrain>(WorkflowPartitions.Key(p)).List(status, (int)Math.Min((long)skip + take, int.MaxValue))));
        IReadOnlyList<WorkflowSummary> page = [.. pages.SelectMany(p => p.Workflows)
            .OrderByDescending(w => w.CreatedAt).ThenBy(w => w.WorkflowId, StringComparer.Ordinal)
            .Skip(skip).Take(take)];
        return new WorkflowPage(page, pages.Sum(p => p.Total), take, skip);
    }

    public async Task<WorkflowStats> GetStats()
    {
        var totals = await Task.WhenAll(Enumerable.Range(0, WorkflowPartitions.Count).Select(p =>
            GrainFactory.GetGrain<IWorkflowIndexGrain>(WorkflowPartitions.Key(p)).Totals()));
        var byStatus = WorkflowStatus.All.ToDictionary(s => s, s => totals.Sum(t => t.ByStatus.GetValueOrDefault(s)), StringComparer.Ordinal);
        var finished = totals.Sum(t => t.Finished);
        return new WorkflowStats(
            byStatus.Values.Sum(),
            byStatus,
            totals.Sum(t => t.StepsCompleted),
            totals.Sum(t => t.Compensations),
            finished == 0 ? 0 : totals.Sum(t => t.FinishedDurationMs) / finished,
            byStatus[WorkflowStatus.Running] + byStatus[WorkflowStatus.RollingBack],
            WorkflowPartitions.Count);
    }

    private IWorkflowGrain Workflow(string workflowId)
    {
        if (string.IsNullOrEmpty(workflowId) || workflowId.Length > DomainRegistration.MaxDomainIdLength)
        {
            throw new KeyNotFoundException($"Workflow '{workflowId}' does not exist.");
        }
        return GrainFactory.GetGrain<IWorkflowGrain>(workflowId);
    }
}
