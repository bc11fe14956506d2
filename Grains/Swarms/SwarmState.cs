using Rayswarm.Grains.Interfaces;

namespace Rayswarm.Grains;

/// <summary>The durable record of one swarm; <see cref="Topology"/> is null until it is created.</summary>
public sealed class SwarmState
{
    public string? Topology { get; set; }

    public int MaxAgents { get; set; }

    public string Strategy { get; set; } = OrchestrationStrategies.Adaptive;

    public DateTimeOffset CreatedAt { get; set; }

    /// <summary>Every agent's id, in spawn order.</summary>
    public List<string> Agents { get; set; } = [];

    /// <summary>The ids of the terminated ones.</summary>
    public HashSet<string> Terminated { get; set; } = new(StringComparer.Ordinal);

    /// <summary>The number of the last agent spawned (ids are never reused).</summary>
    public int LastAgentNumber { get; set; }

    /// <summary>The last workflows orchestrated over it, oldest first.</summary>
    public List<string> Workflows { get; set; } = [];
}
