namespace Rayswarm.Grains.Providers;

/// <summary>Publish and delivery counts: per stream, per subscription (with its lag), and what this silo did.</summary>
/// <param name="Streams">Each stream with how many events were ever published to it.</param>
/// <param name="Subscriptions">Each subscription with the events of its matching streams and how far it got.</param>
/// <param name="PublishedBySilo">Events published through this silo since it started.</param>
/// <param name="DeliveredBySilo">Deliveries this silo made since it started.</param>
/// <param name="FailedAttempts">Handler failures on this silo (each retried or parked).</param>
/// <param name="Parked">Events parked as dead letters by this silo.</param>
[GenerateSerializer, Immutable, Alias("rayswarm.streams.StreamStats")]
public sealed record StreamStats(
    IReadOnlyList<StreamCount> Streams,
    IReadOnlyList<SubscriptionStats> Subscriptions,
    long PublishedBySilo,
    long DeliveredBySilo,
    long FailedAttempts,
    long Parked);
