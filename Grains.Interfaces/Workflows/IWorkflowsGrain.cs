
namespace Rayswarm.Grains.Interfaces;

/// <summary>The workflows' entry point (a stateless worker, key <see cref="Key"/>): creates workflows with fresh ids,
/// forwards per-workflow calls to <see cref="IWorkflowGrain"/> and answers lists and stats from the workflow index (one table).</summary>
[Alias("rayswarm.IWorkflowsGrain")]
public interface IWorkflowsGrain : IGrainWithStringKey
{
    /// <summary>The well-known key.</summary>
    const string Key = "workflows";

    /// <summary>The wait of <see cref="Execute"/> when none is given.</summary>
    static TimeSpan DefaultWait => TimeSpan.FromSeconds(30);

    /// <summary>The largest page of <see cref="List"/>.</summary>
    const int MaxLimit = 1000;

    /// <summary>Validates and creates a workflow with a new id ("wf_" + 32 hex digits).</summary>
    Task<WorkflowInfo> Create(CreateWorkflowRequest request);

    /// <summary>Starts a created workflow and waits up to <paramref name="waitSeconds"/> (default 30, at most 120; 0 returns
    /// at once) for it to finish; see <see cref="IWorkflowGrain.Execute"/>.</summary>
    [ResponseTimeout("00:02:30")]
    Task<WorkflowInfo> Execute(string workflowId, int? waitSeconds);

    /// <summary>One workflow; throws <see cref="KeyNotFoundException"/> when unknown.</summary>
    Task<WorkflowInfo> Get(string workflowId);

    /// <summary>Verifies one workflow's audit; throws <see cref="KeyNotFoundException"/> when unknown.</summary>
    Task<WorkflowVerification> Verify(string workflowId);

    /// <summary>Workflows newest first, optionally with one status; <paramref name="limit"/> 1–<see cref="MaxLimit"/>
    /// (default 50), <paramref name="offset"/> ≥ 0.</summary>
    Task<WorkflowPage> List(string? status, int? limit, int? offset);

    /// <summary>Counts over every workflow.</summary>
    Task<WorkflowStats> GetStats();
}
