using Rayswarm.Grains.Interfaces;

namespace Rayswarm.Gateway;

/// <summary>
/// Execute waits up to <c>wait_seconds</c> for the outcome. A call whose silo dies on the way would only end at the grain
/// call's response timeout (2.5 minutes), because a cluster client does not cut short calls it sent through a silo that died;
/// so the gateway stops waiting 5 s after the wait and answers 503 (<see cref="TimeoutException"/>). The workflow itself
/// runs on, resumed by its reminder: a client reads its state with <c>GET /domains/workflows/{id}</c>.
/// </summary>
internal static class WorkflowExecution
{
    /// <summary>Room beyond the wait for starting the workflow and answering, on a busy cluster.</summary>
    private static readonly TimeSpan s_margin = TimeSpan.FromSeconds(5);

    public static Task<WorkflowInfo> ExecuteWithinWaitAsync(this IWorkflowsGrain workflows, string workflowId, int? waitSeconds)
    {
        var wait = waitSeconds is >= 0 and var seconds && seconds <= IWorkflowGrain.MaxWait.TotalSeconds
            ? TimeSpan.FromSeconds(seconds)
            : IWorkflowsGrain.DefaultWait; // an invalid wait is refused by the grain at once
        return workflows.Execute(workflowId, waitSeconds).WaitAsync(wait + s_margin);
    }
}
