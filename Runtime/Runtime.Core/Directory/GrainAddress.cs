using Rayswarm.Runtime.Abstractions;

namespace Rayswarm.Runtime.Core;

/// <summary>Where the single activation of a grain lives: the silo and an id unique to that activation.</summary>
public sealed record GrainAddress(GrainId GrainId, SiloAddress Silo, long ActivationId);
