namespace Rayswarm.Grains.Interfaces;

/// <summary>A domain's durable subscription to a pattern, with its delivery figures as the streams count them.</summary>
/// <param name="SubscriptionId">Its id (ends it through <see cref="IEventBusGrain.Unsubscribe"/>).</param>
/// <param name="DomainId">The subscribing domain.</param>
/// <param name="Pattern">The pattern event types are matched against.</param>
/// <param name="CreatedAt">When it was made; it receives events published after that.</param>
/// <param name="Delivered">Events of its matching types it is done with, less those parked as dead letters.</param>
/// <param name="Pending">Events of its matching types not delivered yet (its lag).</param>
/// <param name="DeadLetters">Events parked after delivery kept failing (counted up to <see cref="MaxCountedDeadLetters"/>).</param>
[GenerateSerializer, Immutable, Alias("rayswarm.EventSubscription")]
public sealed record EventSubscription(
    string SubscriptionId,
    string DomainId,
    string Pattern,
    DateTimeOffset CreatedAt,
    long Delivered,
    long Pending,
    long DeadLetters)
{
    /// <summary>Dead letters are counted up to this many (the newest).</summary>
    public const int MaxCountedDeadLetters = 1000;
}
