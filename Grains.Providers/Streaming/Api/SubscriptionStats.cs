namespace Rayswarm.Grains.Providers;

/// <summary>
/// One subscription: <see cref="Published"/> events in the streams its pattern matches, <see cref="Finished"/> of them done
/// (delivered or parked), <see cref="Lag"/> the difference. Events published before the subscription existed count as lag
/// in a stream until the subscriber received its first event of that stream.
/// </summary>
[GenerateSerializer, Immutable, Alias("rayswarm.streams.SubscriptionStats")]
public sealed record SubscriptionStats(string Id, string Namespace, string Pattern, GrainId Subscriber, long Published, long Finished, long Lag);
