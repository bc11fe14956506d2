namespace Rayswarm.Grains.Interfaces;

/// <summary>Creates a swarm (the body of <c>POST /domains/swarms</c>).</summary>
/// <param name="Name">The swarm's name: 1-30 letters, digits, '_' or '-' (it is a segment of event types and agent ids).</param>
/// <param name="Topology">One of <see cref="SwarmTopologies.All"/>; default mesh.</param>
/// <param name="MaxAgents">How many live agents it may have, 1-<see cref="MaxAgentsLimit"/>; default 5.</param>
/// <param name="Strategy">The default strategy of its orchestrations (<see cref="OrchestrationStrategies"/>); default adaptive.</param>
[GenerateSerializer, Immutable, Alias("rayswarm.SwarmInitRequest")]
public sealed record SwarmInitRequest(string Name, string? Topology = null, int? MaxAgents = null, string? Strategy = null)
{
    /// <summary>The longest swarm name.</summary>
    public const int MaxNameLength = 30;

    /// <summary>The most agents a swarm may have.</summary>
    public const int MaxAgentsLimit = 100;

    /// <summary>The agents a swarm may have when none is said.</summary>
    public const int DefaultMaxAgents = 5;

    /// <summary>Throws <see cref="ArgumentException"/> naming the first invalid field (name, topology, max_agents, strategy).</summary>
    public void Validate()
    {
        ValidateName(Name);
        if (Topology is not null && !SwarmTopologies.IsKnown(Topology))
        {
            throw new ArgumentException($"topology must be one of {string.Join(", ", SwarmTopologies.All)} (was '{Topology}').", "topology");
        }
        if (MaxAgents is { } max && max is < 1 or > MaxAgentsLimit)
        {
            throw new ArgumentException($"max_agents must be between 1 and {MaxAgentsLimit} (was {max}).", "max_agents");
        }
        if (Strategy is not null && !OrchestrationStrategies.IsKnown(Strategy))
        {
            throw new ArgumentException($"strategy must be one of {string.Join(", ", OrchestrationStrategies.All)} (was '{Strategy}').", "strategy");
        }
    }

    /// <summary>Throws <see cref="ArgumentException"/> naming <paramref name="field"/> unless <paramref name="name"/> is a valid swarm name.</summary>
    public static void ValidateName(string? name, string field = "name")
    {
        if (string.IsNullOrEmpty(name)) { throw new ArgumentException($"{field} is required.", field); }
        if (name.Length > MaxNameLength || !name.All(c => char.IsAsciiLetterOrDigit(c) || c is '_' or '-'))
        {
            throw new ArgumentException($"{field} must be 1-{MaxNameLength} letters, digits, '_' or '-' (was '{name}').", field);
        }
    }
}
