using System.ComponentModel;

namespace Rayswarm.Runtime.Abstractions;

/// <summary>Base class of generated grain proxies: a grain id plus the runtime that carries calls to it.</summary>
public abstract class GrainReference : IEquatable<GrainReference>
{
    /// <summary>Creates the reference.</summary>
    protected GrainReference(GrainId grainId, IGrainCallRuntime runtime)
    {
        ArgumentNullException.ThrowIfNull(runtime);
        GrainId = grainId;
        Runtime = runtime;
    }

    /// <summary>The grain this reference calls.</summary>
    public GrainId GrainId { get; }

    /// <summary>The runtime that carries the calls.</summary>
    [EditorBrowsable(EditorBrowsableState.Never)]
    public IGrainCallRuntime Runtime { get; }

    /// <summary>Runtime use only: a cached hint of where the grain is, checked before every use.</summary>
    [EditorBrowsable(EditorBrowsableState.Never)]
    public object? RoutingHint { get; set; }

    /// <inheritdoc />
    public bool Equals(GrainReference? other) => other is not null && GrainId == other.GrainId;

    /// <inheritdoc />
    public override bool Equals(object? obj) => Equals(obj as GrainReference);

    /// <inheritdoc />
    public override int GetHashCode() => GrainId.GetHashCode();

    /// <inheritdoc />
    public override string ToString() => GrainId.ToString();
}
