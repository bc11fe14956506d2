using Rayswarm.Runtime.Abstractions;

namespace Rayswarm.Runtime.Core;

/// <summary>A grain class with the silo's defaults applied: what every activation of the class shares.</summary>
internal sealed class GrainClassInfo(GrainClassMetadata metadata, SiloRuntime runtime, TimeSpan collectionAge, int maxWorkers, PlacementStrategy placement)
{
    public GrainClassMetadata Metadata { get; } = metadata;

    public SiloRuntime Runtime { get; } = runtime;

    public bool IsReentrant { get; } = metadata.IsReentrant;

    public bool IsStatelessWorker { get; } = metadata.StatelessWorkerMaxLocal is not null;

    public int MaxWorkers { get; } = maxWorkers;

    public PlacementStrategy Placement { get; } = placement;

    /// <summary>Idle time after which activations are collected; <see cref="Timeout.InfiniteTimeSpan"/> for never.</summary>
    public TimeSpan CollectionAge { get; } = collectionAge;
}
