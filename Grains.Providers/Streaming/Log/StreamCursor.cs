namespace Rayswarm.Grains.Providers;

/// <summary>How far one subscription got in one stream.</summary>
public readonly record struct StreamCursor(string Subscription, StreamId Stream, long Sequence);
