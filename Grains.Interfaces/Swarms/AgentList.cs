namespace Rayswarm.Grains.Interfaces;

/// <summary>Agents matching a query (the body of <c>GET /domains/swarms/agents</c>).</summary>
[GenerateSerializer, Immutable, Alias("rayswarm.AgentList")]
public sealed record AgentList(IReadOnlyList<AgentInfo> Agents, int Count);
