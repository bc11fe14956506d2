namespace Rayswarm.Runtime.Abstractions;

/// <summary>Where a grain's activation is created when it has none.</summary>
public enum PlacementStrategy
{
    /// <summary>A random active silo (the default).</summary>
    Random,
    /// <summary>The silo the call comes from, if it can host; else random.</summary>
    PreferLocal,
    /// <summary>A silo chosen by the grain id's hash (rendezvous hashing): the same silo for the same cluster membership.</summary>
    HashBased,
    /// <summary>Power of two choices: of two random silos, the one with fewer activations.</summary>
    ActivationCountBased,
    /// <summary>The silo with the most spare CPU and memory (weighted with its activation count).</summary>
    ResourceOptimized,
}
