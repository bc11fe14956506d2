namespace Rayswarm.Runtime.Abstractions;

/// <summary>A grain class as the source generator saw it: its grain type name, interfaces, scheduling
/// attributes and a factory that constructs it with its constructor arguments.</summary>
public sealed record GrainClassMetadata
{
    /// <summary>The class.</summary>
    public required Type ClassType { get; init; }

    /// <summary>The grain type name (class name, or <see cref="GrainTypeAttribute"/>).</summary>
    public required string GrainType { get; init; }

    /// <summary>The grain interfaces it implements (marker interfaces excluded).</summary>
    public required IReadOnlyList<Type> Interfaces { get; init; }

    /// <summary>Constructs the grain: services come from the provider, persistent states and the context from the context.</summary>
    public required Func<IServiceProvider, IGrainContext, Grain> Create { get; init; }

    /// <summary>Marked <see cref="ReentrantAttribute"/>.</summary>
    public bool IsReentrant { get; init; }

    /// <summary>Null unless a stateless worker; then its pool limit (0 = silo default).</summary>
    public int? StatelessWorkerMaxLocal { get; init; }

    /// <summary>From <see cref="CollectionAgeLimitAttribute"/>; null for the silo default.</summary>
    public TimeSpan? CollectionAge { get; init; }
}
