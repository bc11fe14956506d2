namespace Rayswarm.Grains.Interfaces;

/// <summary>The swarms' directory (key <see cref="Key"/>): the names of every swarm, durable, and queries across them.</summary>
[Alias("rayswarm.ISwarmsGrain")]
public interface ISwarmsGrain : IGrainWithStringKey
{
    /// <summary>The well-known key.</summary>
    const string Key = "swarms";

    /// <summary>Creates a swarm (see <see cref="ISwarmGrain.Init"/>) and lists it.</summary>
    Task<SwarmInfo> Init(SwarmInitRequest request);

    /// <summary>Every swarm, sorted by name.</summary>
    Task<IReadOnlyList<SwarmInfo>> List();

    /// <summary>The agents of every swarm (or of <see cref="AgentQuery.Swarm"/>) matching the query.</summary>
    Task<AgentList> QueryAgents(AgentQuery query);
}
