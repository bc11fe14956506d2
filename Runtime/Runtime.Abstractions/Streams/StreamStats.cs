namespace Rayswarm.Runtime.Abstractions;

/// <summary>Publish and delivery counts: per stream, per subscription (with its lag), and what this silo did.</summary>
/// <param name="Streams">Each stream with how many events were ever published to it.</param>
/// <param name="Subscriptions">Each explicit subscription with the events of its matching streams and how far it got.</param>
/// <param name="PublishedBySilo">Events published through this silo since it started.</param>
/// <param name="DeliveredBySilo">Deliveries this silo made since it started.</param>
/// <param name="FailedAttempts">Handler failures (each retried or parked).</param>
/// <param name="Parked">Events parked as dead letters by this silo.</param>
public sealed record StreamStats(
    IReadOnlyList<StreamCount> Streams,
    IReadOnlyList<SubscriptionStats> Subscriptions,
    long PublishedBySilo,
    long DeliveredBySilo,
    long FailedAttempts,
    long Parked);

/// <summary>How many events a stream ever had.</summary>
public sealed record StreamCount(StreamId Stream, long Published);

/// <summary>
/// One subscription: <see cref="Published"/> events in the streams its pattern matches, <see cref="Finished"/> of them done
/// (delivered or parked), <see cref="Lag"/> the difference. Events published before the subscription existed count as lag
/// in a stream until the subscriber received its first event of that stream.
/// </summary>
public sealed record SubscriptionStats(string Id, string Namespace, string Pattern, GrainId Subscriber, long Published, long Finished, long Lag);
