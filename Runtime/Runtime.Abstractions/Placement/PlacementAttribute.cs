namespace Rayswarm.Runtime.Abstractions;

/// <summary>Chooses the placement strategy of a grain class.</summary>
[AttributeUsage(AttributeTargets.Class, Inherited = true)]
public abstract class PlacementAttribute(PlacementStrategy strategy) : Attribute
{
    /// <summary>The strategy.</summary>
    public PlacementStrategy Strategy { get; } = strategy;
}

/// <summary>Place new activations on a random active silo.</summary>
public sealed class RandomPlacementAttribute() : PlacementAttribute(PlacementStrategy.Random);

/// <summary>Place new activations on the calling silo when it can host them.</summary>
public sealed class PreferLocalPlacementAttribute() : PlacementAttribute(PlacementStrategy.PreferLocal);

/// <summary>Place new activations on the silo the grain id hashes to.</summary>
public sealed class HashBasedPlacementAttribute() : PlacementAttribute(PlacementStrategy.HashBased);

/// <summary>Place new activations on the less loaded of two random silos (by activation count).</summary>
public sealed class ActivationCountBasedPlacementAttribute() : PlacementAttribute(PlacementStrategy.ActivationCountBased);

/// <summary>Place new activations on the silo with the most spare CPU and memory.</summary>
public sealed class ResourceOptimizedPlacementAttribute() : PlacementAttribute(PlacementStrategy.ResourceOptimized);
