namespace Rayswarm.Grains.Interfaces;

/// <summary>How fast events of one type are published.</summary>
/// <param name="EventType">The event type.</param>
/// <param name="Total">Events of this type ever published.</param>
/// <param name="LastMinute">Of those, published in the last minute (less just after the silo answering started).</param>
/// <param name="PerSecond">The publish rate over the same period.</param>
[GenerateSerializer, Immutable, Alias("rayswarm.EventTypeRate")]
public sealed record EventTypeRate(string EventType, long Total, long LastMinute, double PerSecond);
