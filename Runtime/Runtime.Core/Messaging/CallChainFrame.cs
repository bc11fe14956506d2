using Rayswarm.Runtime.Abstractions;

namespace Rayswarm.Runtime.Core;

/// <summary>One waiting turn of a call chain as it travels between silos: the grain whose turn waits, and whether
/// that turn allowed its own chain to call back into it.</summary>
public readonly record struct CallChainFrame(GrainId GrainId, bool AllowsReentry);
