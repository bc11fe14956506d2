namespace Rayswarm.Runtime.Abstractions;

/// <summary>A grain interface and the factory of its generated proxy.</summary>
public sealed record GrainInterfaceMetadata(Type InterfaceType, Func<GrainId, IGrainCallRuntime, GrainReference> CreateProxy);
