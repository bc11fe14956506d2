using System.ComponentModel;
using ModelContextProtocol.Server;
using Rayswarm.Grains.Interfaces;

namespace Rayswarm.Gateway;

/// <summary>Workflows (sagas over domains) as MCP tools (the same grains and rules as <c>/domains/workflows</c> over HTTP).</summary>
[McpServerToolType]
public sealed class WorkflowTools(IGrainFactory grains)
{
    private const string StepsDescription =
        "The steps, 1-100: each runs action of domain_id (hosted in the cluster or registered with an endpoint) with its data, after the steps in depends_on (by step_id: step_1, step_2, … by position unless given). "
        + "Instead of domain_id a step may name a capability (with strategy least_loaded, round_robin or random): a healthy domain offering it is picked when the step starts. "
        + "A step with type \"approval\" (domain_id, prompt, timeout as an ISO 8601 duration, approvers as roles) waits for a person's decision: approve continues, reject or timeout compensates.";

    private const string WaitDescription =
        "How long to wait for the workflow to finish, 0-120 seconds (default 30); a workflow still running then is returned with status running.";

    private IWorkflowsGrain Workflows => grains.GetGrain<IWorkflowsGrain>(IWorkflowsGrain.Key);

    [McpServerTool(Name = "create_workflow", Idempotent = false, Destructive = false, OpenWorld = false, UseStructuredContent = true)]
    [Description("Creates a workflow (a saga of domain actions with dependencies) without running it; unknown dependencies and cycles are refused. Returns the workflow with its workflow_id; run it with execute_workflow.")]
    [McpScope(McpScopes.Write)]
    public Task<WorkflowInfo> CreateWorkflow(
        [Description("The workflow's name, e.g. \"analyze_code\" (at most 200 characters).")] string name,
        [Description(StepsDescription)] WorkflowStepRequest[] steps) =>
        Workflows.Create(new CreateWorkflowRequest(name, steps ?? []));

    [McpServerTool(Name = "execute_workflow", Idempotent = false, Destructive = true, OpenWorld = true, UseStructuredContent = true)]
    [Description("Runs a created workflow: its steps run in dependency order; when one fails the completed ones are compensated (rolled_back). Waits for it to finish and returns the workflow with each step's status and output.")]
    [McpScope(McpScopes.Write)]
    public Task<WorkflowInfo> ExecuteWorkflow(
        [Description("The workflow's id (\"wf_…\", from create_workflow).")] string workflow_id,
        [Description(WaitDescription)] int? wait_seconds = null) =>
        Workflows.ExecuteWithinWaitAsync(workflow_id, wait_seconds);

    [McpServerTool(Name = "orchestrate", Idempotent = false, Destructive = true, OpenWorld = true, UseStructuredContent = true)]
    [Description("Creates a workflow, runs it and returns its outcome in one call: status (completed, rolled_back, failed, or running if it did not finish in time), error, result (the outputs of the final steps by step id) and every step's output. "
        + "Two forms: name and steps (a workflow you define), or swarm, task and strategy (the swarm's topology turns the task into steps over its agents; see swarm_init).")]
    [McpScope(McpScopes.Write)]
    public async Task<OrchestrationResult> Orchestrate(
        [Description("The workflow's name, e.g. \"analyze_code\" (at most 200 characters); with steps, not with swarm.")] string? name = null,
        [Description(StepsDescription + " With name, not with swarm.")] WorkflowStepRequest[]? steps = null,
        [Description(WaitDescription)] int? wait_seconds = null,
        [Description("Instead of name and steps: the swarm whose agents run task.")] string? swarm = null,
        [Description(SwarmTools.TaskDescription)] SwarmTask? task = null,
        [Description("With swarm: parallel, sequential or adaptive (parallel unless a subtask has depends_on); default the swarm's.")] string? strategy = null)
    {
        if (swarm is not null)
        {
            if (name is not null || steps is not null) { throw new ArgumentException("give swarm with task, or name with steps, not both.", nameof(swarm)); }
            return OrchestrationResult.Of(await SwarmOrchestration.RunAsync(grains, swarm, new OrchestrateRequest(task!, strategy), wait_seconds));
        }
        if (task is not null || strategy is not null) { throw new ArgumentException("task and strategy go with swarm.", nameof(task)); }
        // Checked before anything is created, so a bad wait leaves no workflow behind.
        if (wait_seconds is < 0 || wait_seconds > IWorkflowGrain.MaxWait.TotalSeconds)
        {
            throw new ArgumentException($"wait_seconds must be between 0 and {IWorkflowGrain.MaxWait.TotalSeconds:0} (was {wait_seconds}).", nameof(wait_seconds));
        }
        var created = await Workflows.Create(new CreateWorkflowRequest(name!, steps ?? []));
        return OrchestrationResult.Of(await Workflows.ExecuteWithinWaitAsync(created.WorkflowId, wait_seconds));
    }

    [McpServerTool(Name = "get_workflow", ReadOnly = true, OpenWorld = false, UseStructuredContent = true)]
    [Description("Gets one workflow as it stands (also while it runs): its steps with status and output, the hash-chained audit trail and the signed proof.")]
    [McpScope(McpScopes.Read)]
    public Task<WorkflowInfo> GetWorkflow(
        [Description("The workflow's id (\"wf_…\").")] string workflow_id) =>
        Workflows.Get(workflow_id);

    [McpServerTool(Name = "list_workflows", ReadOnly = true, OpenWorld = false, UseStructuredContent = true)]
    [Description("Lists workflows newest first, optionally only those with one status, one page at a time, with the total.")]
    [McpScope(McpScopes.Read)]
    public Task<WorkflowPage> ListWorkflows(
        [Description("Only workflows with this status: created, running, completed, rolling_back, rolled_back or failed.")] string? status = null,
        [Description("The page size, 1-1000 (default 50).")] int? limit = null,
        [Description("How many newer workflows to skip (default 0).")] int? offset = null) =>
        Workflows.List(string.IsNullOrEmpty(status) ? null : status, limit, offset);

    [McpServerTool(Name = "verify_workflow", ReadOnly = true, OpenWorld = false, UseStructuredContent = true)]
    [Description("Verifies a workflow's audit trail: recomputes its hash chain, checks the signature of its head and that stored outputs match the recorded hashes.")]
    [McpScope(McpScopes.Read)]
    public Task<WorkflowVerification> VerifyWorkflow(
        [Description("The workflow's id (\"wf_…\").")] string workflow_id) =>
        Workflows.Verify(workflow_id);

    [McpServerTool(Name = "workflow_stats", ReadOnly = true, OpenWorld = false, UseStructuredContent = true)]
    [Description("Counts over every workflow: by status, steps, compensations and durations.")]
    [McpScope(McpScopes.Read)]
    public Task<WorkflowStats> GetWorkflowStats() => Workflows.GetStats();
}
