namespace Rayswarm.Grains.Providers;

/// <summary>How many events a stream ever had.</summary>
[GenerateSerializer, Immutable, Alias("rayswarm.streams.StreamCount")]
public sealed record StreamCount(StreamId Stream, long Published);
