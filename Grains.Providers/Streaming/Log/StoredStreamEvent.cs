namespace Rayswarm.Grains.Providers;

/// <summary>An event as the log holds it: its log-wide position (increasing in append order), its partition, and the event.</summary>
public sealed record StoredStreamEvent(long Position, int Partition, StreamEvent Event);
