namespace Rayswarm.Grains.Interfaces;

/// <summary>An event a subscription's delivery kept failing on, parked as a dead letter (see <see cref="IEventBusGrain.GetDeadLetters"/>).</summary>
/// <param name="SubscriptionId">The subscription that parked it.</param>
/// <param name="DomainId">The subscribing domain.</param>
/// <param name="Event">The event (its id, type, source and data).</param>
/// <param name="Error">The last delivery's error.</param>
/// <param name="Attempts">How many deliveries were tried.</param>
/// <param name="ParkedAt">When it was parked.</param>
[GenerateSerializer, Immutable, Alias("rayswarm.EventDeadLetter")]
public sealed record EventDeadLetter(string SubscriptionId, string DomainId, DomainEvent Event, string Error, int Attempts, DateTimeOffset ParkedAt);
