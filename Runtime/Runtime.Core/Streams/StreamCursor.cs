using Rayswarm.Runtime.Abstractions;

namespace Rayswarm.Runtime.Core;

/// <summary>How far one subscription got in one stream.</summary>
public readonly record struct StreamCursor(string Subscription, StreamId Stream, long Sequence);
