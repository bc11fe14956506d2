namespace Rayswarm.Grains.Interfaces;

/// <summary>How many events of one type were ever published.</summary>
[GenerateSerializer, Immutable, Alias("rayswarm.EventTypeCount")]
public sealed record EventTypeCount(string EventType, long Count);
