using Rayswarm.Grains.Interfaces;

namespace Rayswarm.Grains;

/// <summary>The workflows' entry point. A stateless worker, so it is never a hot spot: per-workflow calls go to the
/// workflow's grain; lists and stats are queries on the index store (<see cref="IWorkflowIndexStore"/>). Reentrant (it has no state), so an
/// <see cref="Execute"/> waiting for its workflow does not hold up the calls queued behind it.</summary>
[StatelessWorker]
[Reentrant]
[GrainType("workflows")]
public sealed class WorkflowsGrain(IWorkflowIndexStore index) : Grain, IWorkflowsGrain
{
    private const int DefaultLimit = 50;

    public async Task<WorkflowInfo> Create(CreateWorkflowRequest request)
    {
        ArgumentNullException.ThrowIfNull(request, "request");
        request.Validate(); // here too, so bad input never activates a workflow grain
        // UUID v7: ids sort by creation time, so the stores' indexes on them grow at their end (random ids hit a random page each).
        return await Workflow("wf_" + Guid.CreateVersion7().ToString("N")).Create(request);
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
        return await index.ListAsync(status, take, skip);
    }

    public Task<WorkflowStats> GetStats() => index.GetStatsAsync();

    private IWorkflowGrain Workflow(string workflowId)
    {
        if (string.IsNullOrEmpty(workflowId) || workflowId.Length > DomainRegistration.MaxDomainIdLength)
        {
            throw new KeyNotFoundException($"Workflow '{workflowId}' does not exist.");
        }
        return GrainFactory.GetGrain<IWorkflowGrain>(workflowId);
    }
}
