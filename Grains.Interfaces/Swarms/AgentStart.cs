using System.Text.Json;

namespace Rayswarm.Grains.Interfaces;

/// <summary>What a swarm tells a new agent (<see cref="IAgentGrain.Start"/>).</summary>
[GenerateSerializer, Immutable, Alias("rayswarm.AgentStart")]
public sealed record AgentStart(string Swarm, string Topology, string Type, string Domain, IReadOnlyList<string> Capabilities, JsonElement? Params);
