namespace Rayswarm.Grains.Interfaces;

/// <summary>One agent, keyed by its id (grain type <see cref="AgentTypes.GrainType"/>): a worker of its domain's actions
/// registered in the registry under its own id, so workflow steps reach it by id or capability. It counts its calls in
/// flight (its load), forwards actions to its domain and serves the coordination actions <c>coordinate</c> and
/// <c>collect</c> itself.</summary>
[Alias("rayswarm.IAgentGrain")]
public interface IAgentGrain : IDomainWorkerGrain
{
    /// <summary>Starts the agent: stores it, registers it and (mesh) subscribes it to its swarm's results. Called by its swarm.</summary>
    Task<AgentInfo> Start(AgentStart start);

    /// <summary>The agent as it stands; throws <see cref="KeyNotFoundException"/> when it was never spawned.</summary>
    Task<AgentInfo> Get();

    /// <summary>Unregisters the agent and ends its subscriptions; it answers no further action.</summary>
    Task<AgentInfo> Terminate();
}
