namespace Rayswarm.Grains.Interfaces;

/// <summary>One swarm, keyed by its name: its topology, limits and agents are durable. Unknown swarms throw
/// <see cref="KeyNotFoundException"/>.</summary>
[Alias("rayswarm.ISwarmGrain")]
public interface ISwarmGrain : IGrainWithStringKey
{
    /// <summary>Creates the swarm; throws <see cref="ConflictException"/> when it exists with other settings (the same
    /// settings again return it).</summary>
    Task<SwarmInfo> Init(SwarmInitRequest request);

    /// <summary>The swarm with its agents.</summary>
    Task<SwarmInfo> Get();

    /// <summary>Spawns an agent: activates it and registers it in the registry. Throws <see cref="ArgumentException"/> for an
    /// unknown type and <see cref="ConflictException"/> when the swarm has max_agents live agents.</summary>
    Task<AgentInfo> Spawn(SpawnAgentRequest request);

    /// <summary>Terminates an agent of the swarm: it leaves the registry (so no step is routed to it) and its subscriptions.</summary>
    Task<AgentInfo> Terminate(string agentId);

    /// <summary>The swarm's agents that match <paramref name="query"/>.</summary>
    Task<IReadOnlyList<AgentInfo>> Agents(AgentQuery query);

    /// <summary>Turns a task into a workflow over the live agents, shaped by the topology; creates it without starting it.
    /// Throws <see cref="ConflictException"/> when the swarm has too few live agents for its topology.</summary>
    Task<SwarmPlan> Plan(OrchestrateRequest request);
}
