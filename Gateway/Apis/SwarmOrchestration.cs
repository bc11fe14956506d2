using Rayswarm.Grains.Interfaces;

namespace Rayswarm.Gateway;

/// <summary>Orchestrating a task over a swarm, for HTTP and MCP alike: the swarm plans the workflow, then it runs and is
/// waited for up to <c>wait_seconds</c> (<see cref="WorkflowExecution"/>).</summary>
internal static class SwarmOrchestration
{
    public static async Task<SwarmPlan> RunAsync(IGrainFactory grains, string swarm, OrchestrateRequest request, int? waitSeconds)
    {
        // Checked before anything is created, so a bad wait leaves no workflow behind.
        if (waitSeconds is < 0 || waitSeconds > IWorkflowGrain.MaxWait.TotalSeconds)
        {
            throw new ArgumentException($"wait_seconds must be between 0 and {IWorkflowGrain.MaxWait.TotalSeconds:0} (was {waitSeconds}).", "wait_seconds");
        }
        SwarmInitRequest.ValidateName(swarm, "swarm");
        var plan = await grains.GetGrain<ISwarmGrain>(swarm).Plan(request);
        var workflows = grains.GetGrain<IWorkflowsGrain>(IWorkflowsGrain.Key);
        return plan with { Workflow = await workflows.ExecuteWithinWaitAsync(plan.Workflow.WorkflowId, waitSeconds) };
    }
}
