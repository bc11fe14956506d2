using System.ComponentModel;
using ModelContextProtocol;
using ModelContextProtocol.Server;
using Rayswarm.Grains.Interfaces;

namespace Rayswarm.Gateway;

/// <summary>Swarms of agents as MCP tools (the same grains and rules as <c>/domains/swarms</c> over HTTP); orchestrate's
/// swarm form is in <see cref="WorkflowTools"/>.</summary>
[McpServerToolType]
public sealed class SwarmTools(IGrainFactory grains)
{
    /// <summary>How a task is given.</summary>
    public const string TaskDescription =
        "With swarm: the task, {\"text\": \"…\"} (each worker agent whose domain runs text, e.g. memory or documents search, code analyze, gets one step) "
        + "or {\"subtasks\": [{\"action\", \"capability\"?, \"data\"?, \"depends_on\"?: [earlier indexes]}]} (one worker step each; with a capability the least-loaded agent having it runs it).";

    private const string SwarmDescription = "The swarm's name (1-30 letters, digits, '_' or '-').";

    /// <summary>How often swarm_monitor looks at the workflow.</summary>
    private static readonly TimeSpan s_pollEvery = TimeSpan.FromMilliseconds(100);

    private ISwarmsGrain Swarms => grains.GetGrain<ISwarmsGrain>(ISwarmsGrain.Key);

    private ISwarmGrain Swarm(string swarm)
    {
        SwarmInitRequest.ValidateName(swarm, "swarm");
        return grains.GetGrain<ISwarmGrain>(swarm);
    }

    [McpServerTool(Name = "swarm_init", Idempotent = true, Destructive = false, OpenWorld = false, UseStructuredContent = true)]
    [Description("Creates a swarm of agents with a topology: mesh (every agent sees every other's results on the bus), hierarchical (coordinator → sub-coordinators → workers), star (one coordinator dispatches and collects) or ring (a pipeline). The same settings again return the swarm.")]
    [McpScope(McpScopes.Write)]
    public Task<SwarmInfo> SwarmInit(
        [Description(SwarmDescription)] string name,
        [Description("mesh, hierarchical, star or ring (default mesh).")] string? topology = null,
        [Description("How many live agents it may have, 1-100 (default 5).")] int? max_agents = null,
        [Description("The default strategy of its orchestrations: adaptive, parallel or sequential (default adaptive).")] string? strategy = null) =>
        Swarms.Init(new SwarmInitRequest(name, topology, max_agents, strategy));

    [McpServerTool(Name = "spawn_agent", Idempotent = false, Destructive = false, OpenWorld = false, UseStructuredContent = true)]
    [Description("Spawns an agent in a swarm: a running instance of a domain's actions (type: a domain id such as memory, documents, code, or researcher, coder, analyst, coordinator, neural-processor), registered so steps are routed to it by capability.")]
    [McpScope(McpScopes.Write)]
    public Task<AgentInfo> SpawnAgent(
        [Description(SwarmDescription)] string swarm,
        [Description("The agent's type: a registered domain's id or an agent type mapped onto one.")] string type,
        [Description("Capabilities it offers besides its domain's action names.")] string[]? capabilities = null,
        [Description("Free-form parameters, a JSON object.")] Dictionary<string, string>? @params = null) =>
        Swarm(swarm).Spawn(new SpawnAgentRequest(type, capabilities, @params is null ? null : System.Text.Json.JsonSerializer.SerializeToElement(@params)));

    [McpServerTool(Name = "terminate_agent", Idempotent = true, Destructive = true, OpenWorld = false, UseStructuredContent = true)]
    [Description("Terminates an agent: it leaves the registry (no step is routed to it) and its subscriptions.")]
    [McpScope(McpScopes.Write)]
    public Task<AgentInfo> TerminateAgent(
        [Description(SwarmDescription)] string swarm,
        [Description("The agent's id (\"{swarm}.agent-{n}\").")] string agent_id) =>
        Swarm(swarm).Terminate(agent_id);

    [McpServerTool(Name = "query_agents", ReadOnly = true, OpenWorld = false, UseStructuredContent = true)]
    [Description("Lists agents with their status (idle, busy, terminated), load (calls in flight) and last activity; every filter is optional.")]
    [McpScope(McpScopes.Read)]
    public Task<AgentList> QueryAgents(
        [Description("Only this swarm's agents.")] string? swarm = null,
        [Description("Only agents of this type.")] string? type = null,
        [Description("Only agents with this status: idle, busy or terminated.")] string? status = null,
        [Description("Only agents with this capability.")] string? capability = null) =>
        Swarms.QueryAgents(new AgentQuery(swarm, type, status, capability));

    [McpServerTool(Name = "swarm_status", ReadOnly = true, OpenWorld = false, UseStructuredContent = true)]
    [Description("One swarm's status: topology, limits, agents with status, load and last activity, and its recent workflows.")]
    [McpScope(McpScopes.Read)]
    public Task<SwarmInfo> SwarmStatus([Description(SwarmDescription)] string swarm) => Swarm(swarm).Get();

    [McpServerTool(Name = "swarm_monitor", ReadOnly = true, OpenWorld = false, UseStructuredContent = true)]
    [Description("Watches a swarm's workflow (default its latest) until it finishes or wait_seconds pass, sending a progress notification (steps finished of all) each time a step finishes; returns the workflow's outcome.")]
    [McpScope(McpScopes.Read)]
    public async Task<OrchestrationResult> SwarmMonitor(
        [Description(SwarmDescription)] string swarm,
        IProgress<ProgressNotificationValue> progress,
        CancellationToken cancellationToken,
        [Description("The workflow to watch (\"wf_…\"); default the swarm's latest.")] string? workflow_id = null,
        [Description("How long to watch, 0-120 seconds (default 30).")] int? wait_seconds = null)
    {
        if (wait_seconds is < 0 || wait_seconds > IWorkflowGrain.MaxWait.TotalSeconds)
        {
            throw new ArgumentException($"wait_seconds must be between 0 and {IWorkflowGrain.MaxWait.TotalSeconds:0} (was {wait_seconds}).", nameof(wait_seconds));
        }
        var info = await Swarm(swarm).Get();
        var id = workflow_id ?? (info.Workflows.Count > 0 ? info.Workflows[^1] : throw new KeyNotFoundException($"Swarm '{swarm}' has orchestrated no workflow yet."));
        if (!info.Workflows.Contains(id)) { throw new KeyNotFoundException($"Workflow '{id}' is not one of swarm '{swarm}'s recent workflows."); }
        var workflows = grains.GetGrain<IWorkflowsGrain>(IWorkflowsGrain.Key);
        using var deadline = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        deadline.CancelAfter(wait_seconds is { } s ? TimeSpan.FromSeconds(s) : IWorkflowsGrain.DefaultWait);
        var reported = -1;
        while (true)
        {
            var workflow = await workflows.Get(id);
            var finished = workflow.Steps.Count(st => st.CompletedAt is not null);
            if (finished != reported)
            {
                reported = finished;
                progress.Report(new ProgressNotificationValue
                {
                    Progress = finished, Total = workflow.Steps.Count,
                    Message = $"{workflow.Status}: {finished} of {workflow.Steps.Count} steps finished",
                });
            }
            if (WorkflowStatus.IsTerminal(workflow.Status) || deadline.IsCancellationRequested) { return OrchestrationResult.Of(workflow) with { Swarm = swarm, Topology = info.Topology }; }
            try
            {
                await Task.Delay(s_pollEvery, deadline.Token);
            }
            catch (OperationCanceledException) when (!cancellationToken.IsCancellationRequested)
            {
                // the wait is over: one last look
            }
        }
    }
}
