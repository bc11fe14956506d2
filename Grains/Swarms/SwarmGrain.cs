using Rayswarm.Grains.Interfaces;

namespace Rayswarm.Grains;

/// <summary>One swarm: its settings and the ids of its agents are durable; each agent's own state lives in its
/// <see cref="AgentGrain"/>. Not reentrant: spawns are counted against max_agents one at a time.</summary>
[GrainType("swarm")]
public sealed class SwarmGrain(
    [PersistentState("swarm", "Default")] IPersistentState<SwarmState> state,
    HostedDomainCatalog hosted,
    [Microsoft.Extensions.DependencyInjection.FromKeyedServices(DomainClock.Key)] TimeProvider? time = null) : Grain, ISwarmGrain
{
    private const int KeptWorkflows = 100;
    private readonly TimeProvider _time = time ?? TimeProvider.System;

    private string Name => this.GetPrimaryKeyString();

    private SwarmState S => state.State;

    public async Task<SwarmInfo> Init(SwarmInitRequest request)
    {
        ArgumentNullException.ThrowIfNull(request, "request");
        request.Validate();
        var (topology, maxAgents, strategy) = (request.Topology ?? SwarmTopologies.Mesh, request.MaxAgents ?? SwarmInitRequest.DefaultMaxAgents,
            request.Strategy ?? OrchestrationStrategies.Adaptive);
        if (S.Topology is not null)
        {
            if ((S.Topology, S.MaxAgents, S.Strategy) != (topology, maxAgents, strategy))
            {
                throw new ConflictException($"Swarm '{Name}' exists with topology {S.Topology}, max_agents {S.MaxAgents}, strategy {S.Strategy}.");
            }
            return await Get();
        }
        (S.Topology, S.MaxAgents, S.Strategy, S.CreatedAt) = (topology, maxAgents, strategy, _time.GetUtcNow());
        await state.WriteStateAsync();
        return await Get();
    }

    public async Task<SwarmInfo> Get()
    {
        ThrowIfMissing();
        var agents = await AgentsAsync(S.Agents);
        return new SwarmInfo(Name, S.Topology!, S.MaxAgents, S.Strategy, S.CreatedAt, agents, S.Agents.Count - S.Terminated.Count, [.. S.Workflows]);
    }

    public async Task<AgentInfo> Spawn(SpawnAgentRequest request)
    {
        ArgumentNullException.ThrowIfNull(request, "request");
        ThrowIfMissing();
        request.Validate();
        var live = S.Agents.Count - S.Terminated.Count;
        if (live >= S.MaxAgents)
        {
            throw new ConflictException($"Swarm '{Name}' already has {live} live agents, its max_agents: terminate one first.");
        }
        var domainId = AgentTypes.DomainOf(request.Type);
        var domainCapabilities = await DomainCapabilitiesAsync(domainId) ?? throw new ArgumentException(
            $"type must be a registered domain's id or one of {string.Join(", ", AgentTypes.Domains.Keys)} (was '{request.Type}').", "type");
        var agentId = $"{Name}.agent-{++S.LastAgentNumber}";
        S.Agents.Add(agentId);
        await state.WriteStateAsync(); // the id is taken before the agent exists, so a retry never reuses it
        var capabilities = (request.Capabilities ?? []).Concat(domainCapabilities).Distinct(StringComparer.Ordinal).ToArray();
        return await Agent(agentId).Start(new AgentStart(Name, S.Topology!, request.Type, domainId, capabilities, request.Params));
    }

    public async Task<AgentInfo> Terminate(string agentId)
    {
        ThrowIfMissing();
        if (!S.Agents.Contains(agentId)) { throw new KeyNotFoundException($"Swarm '{Name}' has no agent '{agentId}'."); }
        var agent = await Agent(agentId).Terminate();
        if (S.Terminated.Add(agentId)) { await state.WriteStateAsync(); }
        return agent;
    }

    public async Task<IReadOnlyList<AgentInfo>> Agents(AgentQuery query)
    {
        ArgumentNullException.ThrowIfNull(query, "query");
        ThrowIfMissing();
        query.Validate();
        return [.. (await AgentsAsync(S.Agents)).Where(query.Matches)];
    }

    public async Task<SwarmPlan> Plan(OrchestrateRequest request)
    {
        ArgumentNullException.ThrowIfNull(request, "request");
        ThrowIfMissing();
        request.Validate();
        var live = (await AgentsAsync(S.Agents.Where(a => !S.Terminated.Contains(a)))).Where(a => a.Status != AgentStatuses.Terminated).ToList();
        var strategy = request.Strategy ?? S.Strategy;
        var plan = SwarmPlanner.Build(Name, S.Topology!, strategy, live, request.Task);
        var workflow = await GrainFactory.GetGrain<IWorkflowsGrain>(IWorkflowsGrain.Key).Create(plan.Workflow);
        S.Workflows.Add(workflow.WorkflowId);
        if (S.Workflows.Count > KeptWorkflows) { S.Workflows.RemoveAt(0); }
        await state.WriteStateAsync();
        return new SwarmPlan(Name, S.Topology!, plan.Strategy, workflow);
    }

    /// <summary>The capabilities of the domain an agent serves: as registered, or (hosted here, its registration not landed
    /// yet) declared and its action names; null when it is neither, or is itself an agent.</summary>
    private async Task<IReadOnlyList<string>?> DomainCapabilitiesAsync(string domainId)
    {
        if (await GrainFactory.GetGrain<IRegistryGrain>(IRegistryGrain.Key).Get(domainId) is { } domain)
        {
            return domain.GrainType == AgentTypes.GrainType ? null : domain.Capabilities;
        }
        if (hosted.GrainTypeOf(domainId) is not { } grainType) { return null; }
        var actions = await GrainFactory.GetGrain<IDomainWorkerGrain>(GrainId.Create(grainType, domainId)).DescribeActions();
        return [.. hosted.CapabilitiesOf(domainId), .. actions.Select(a => a.Name)];
    }

    private IAgentGrain Agent(string agentId) => GrainFactory.GetGrain<IAgentGrain>(agentId);

    private async Task<AgentInfo[]> AgentsAsync(IEnumerable<string> ids) => await Task.WhenAll(ids.Select(id => Agent(id).Get()));

    private void ThrowIfMissing()
    {
        if (S.Topology is null) { throw new KeyNotFoundException($"Swarm '{Name}' does not exist."); }
    }
}
