namespace Rayswarm.Grains.Interfaces;

/// <summary>A swarm as it stands (the body of <c>GET /domains/swarms/{name}</c>).</summary>
/// <param name="Name">Its name.</param>
/// <param name="Topology">Its topology (<see cref="SwarmTopologies"/>).</param>
/// <param name="MaxAgents">How many live agents it may have.</param>
/// <param name="Strategy">The default strategy of its orchestrations.</param>
/// <param name="CreatedAt">When it was created.</param>
/// <param name="Agents">Its agents, live and terminated, in spawn order.</param>
/// <param name="ActiveAgents">How many of them are not terminated.</param>
/// <param name="Workflows">The ids of the workflows orchestrated over it, oldest first (the last 100).</param>
[GenerateSerializer, Immutable, Alias("rayswarm.SwarmInfo")]
public sealed record SwarmInfo(
    string Name,
    string Topology,
    int MaxAgents,
    string Strategy,
    DateTimeOffset CreatedAt,
    IReadOnlyList<AgentInfo> Agents,
    int ActiveAgents,
    IReadOnlyList<string> Workflows);
