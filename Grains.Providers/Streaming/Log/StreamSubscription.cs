namespace Rayswarm.Grains.Providers;

/// <summary>
/// A durable pattern subscription: every stream of <paramref name="Namespace"/> whose key matches <paramref name="Pattern"/>
/// is delivered to the grain <paramref name="Subscriber"/> (which implements <see cref="IEventConsumer"/>), from the first
/// event after <paramref name="StartPosition"/> (the log's newest position when it subscribed).
/// </summary>
public sealed record StreamSubscription(string Id, string Namespace, string Pattern, GrainId Subscriber, DateTimeOffset CreatedAt, long StartPosition = 0);
