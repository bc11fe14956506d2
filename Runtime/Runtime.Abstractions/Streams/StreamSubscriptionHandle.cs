namespace Rayswarm.Runtime.Abstractions;

/// <summary>A durable subscription: resume or end it by <see cref="Id"/>.</summary>
public sealed record StreamSubscriptionHandle(string Id, string Namespace, string Pattern, GrainId Subscriber, DateTimeOffset CreatedAt);
