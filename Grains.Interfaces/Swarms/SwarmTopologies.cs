namespace Rayswarm.Grains.Interfaces;

/// <summary>How a swarm's agents are wired: the topology decides how <see cref="ISwarmGrain.Plan"/> turns a task into
/// workflow steps and which agents receive which events (docs/swarms.md).</summary>
public static class SwarmTopologies
{
    /// <summary>Every agent's result is published on the bus (<c>swarm.{name}.result</c>) and every other agent of the swarm
    /// receives it through its own subscription.</summary>
    public const string Mesh = "mesh";

    /// <summary>A coordinator splits the task among sub-coordinators, each splits its share among workers, and collects
    /// flow back up: a tree of steps.</summary>
    public const string Hierarchical = "hierarchical";

    /// <summary>One coordinator dispatches to every worker and a final collect step receives all their outputs.</summary>
    public const string Star = "star";

    /// <summary>A pipeline: each agent's output is the next agent's input, in spawn order.</summary>
    public const string Ring = "ring";

    /// <summary>Every topology, the default first.</summary>
    public static readonly IReadOnlyList<string> All = [Mesh, Hierarchical, Star, Ring];

    /// <summary>Whether <paramref name="topology"/> is one of <see cref="All"/>.</summary>
    public static bool IsKnown(string? topology) => topology is Mesh or Hierarchical or Star or Ring;
}
