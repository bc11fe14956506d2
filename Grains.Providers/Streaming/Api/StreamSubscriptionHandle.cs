namespace Rayswarm.Grains.Providers;

/// <summary>A durable subscription: resume or end it by <see cref="Id"/>.</summary>
[GenerateSerializer, Immutable, Alias("rayswarm.streams.StreamSubscriptionHandle")]
public sealed record StreamSubscriptionHandle(string Id, string Namespace, string Pattern, GrainId Subscriber, DateTimeOffset CreatedAt);
