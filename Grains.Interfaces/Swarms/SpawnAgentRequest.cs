using System.Text.Json;

namespace Rayswarm.Grains.Interfaces;

/// <summary>Spawns an agent in a swarm (the body of <c>POST /domains/swarms/{name}/agents</c>).</summary>
/// <param name="Type">What the agent is an instance of: a registered domain's id (<c>code</c>, <c>documents</c>,
/// <c>memory</c>, …) or an agent type mapped onto one (<see cref="AgentTypes"/>).</param>
/// <param name="Capabilities">Capabilities it offers besides its domain's action names (at most 20, each at most 60 characters).</param>
/// <param name="Params">Free-form parameters (a JSON object), kept with the agent; optional.</param>
[GenerateSerializer, Immutable, Alias("rayswarm.SpawnAgentRequest")]
public sealed record SpawnAgentRequest(string Type, IReadOnlyList<string>? Capabilities = null, JsonElement? Params = null)
{
    /// <summary>The most capabilities an agent may declare.</summary>
    public const int MaxCapabilities = 20;

    /// <summary>The longest capability an agent may declare.</summary>
    public const int MaxCapabilityLength = 60;

    /// <summary>Throws <see cref="ArgumentException"/> naming the first invalid field (type, capabilities, params).</summary>
    public void Validate()
    {
        DomainRegistration.ValidateDomainId(Type, "type");
        if (Capabilities is { Count: > MaxCapabilities })
        {
            throw new ArgumentException($"capabilities may list at most {MaxCapabilities} (was {Capabilities.Count}).", "capabilities");
        }
        foreach (var capability in Capabilities ?? [])
        {
            if (string.IsNullOrWhiteSpace(capability) || capability.Length > MaxCapabilityLength)
            {
                throw new ArgumentException($"capabilities must be non-blank strings of at most {MaxCapabilityLength} characters.", "capabilities");
            }
        }
        if (Params is { ValueKind: not (JsonValueKind.Object or JsonValueKind.Null or JsonValueKind.Undefined) } given)
        {
            throw new ArgumentException($"params must be a JSON object (was {given.ValueKind.ToString().ToLowerInvariant()}).", "params");
        }
    }
}
