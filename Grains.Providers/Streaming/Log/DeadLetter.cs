namespace Rayswarm.Grains.Providers;

/// <summary>An event a subscriber's handler kept failing on, parked after its retries with the last error.</summary>
public sealed record DeadLetter(string Subscription, StreamEvent Event, string Error, int Attempts, DateTimeOffset ParkedAt);
