namespace Rayswarm.Grains.Providers;

/// <summary>An event a subscriber kept failing on: parked with the last error after its attempts.</summary>
[GenerateSerializer, Immutable, Alias("rayswarm.streams.StreamDeadLetter")]
public sealed record StreamDeadLetter(string SubscriptionId, StreamEvent Event, string Error, int Attempts, DateTimeOffset ParkedAt);
