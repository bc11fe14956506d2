namespace Rayswarm.Runtime.Core;

/// <summary>What routing needs to know of the cluster's membership.</summary>
internal interface IClusterView
{
    /// <summary>This silo.</summary>
    SiloAddress Local { get; }

    /// <summary>Whether the silo is known to be gone (Dead, or absent from a table that has newer generations of it).</summary>
    bool IsDead(SiloAddress silo);

    /// <summary>Silos that may receive new activations: Active and not shutting down.</summary>
    IReadOnlyList<SiloAddress> PlacementCandidates { get; }
}
