using Rayswarm.Runtime.Abstractions;

namespace Rayswarm.Runtime.Core;

/// <summary>
/// A durable, explicit subscription: every stream of <paramref name="Namespace"/> whose key matches <paramref name="Pattern"/>
/// is delivered to the grain <paramref name="Subscriber"/> (which implements <see cref="IStreamConsumer"/>).
/// </summary>
public sealed record StreamSubscription(string Id, string Namespace, string Pattern, GrainId Subscriber, DateTimeOffset CreatedAt);
