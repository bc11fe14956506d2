namespace Rayswarm.Grains.Interfaces;

/// <summary>Counts over the whole event bus.</summary>
/// <param name="TotalPublished">Events ever published on the bus (all types, including the registry's announcements).</param>
/// <param name="EventTypes">Distinct event types ever published.</param>
/// <param name="TopEventTypes">The most published types, most first (at most <see cref="MaxTopEventTypes"/>).</param>
/// <param name="Subscriptions">Domain subscriptions.</param>
/// <param name="Delivered">Deliveries done over all subscriptions (see <see cref="EventSubscription.Delivered"/>).</param>
/// <param name="Pending">Deliveries not done yet over all subscriptions.</param>
/// <param name="DeadLetters">Deliveries parked as dead letters (counted up to <see cref="EventSubscription.MaxCountedDeadLetters"/>).</param>
/// <param name="EventsLastMinute">Events published in the last minute (less just after the silo answering started: it
/// measures from its start).</param>
/// <param name="EventsPerSecond">The publish rate over the same period.</param>
/// <param name="MeasuredAt">When these figures were taken.</param>
[GenerateSerializer, Immutable, Alias("rayswarm.EventBusStats")]
public sealed record EventBusStats(
    long TotalPublished,
    int EventTypes,
    IReadOnlyList<EventTypeCount> TopEventTypes,
    int Subscriptions,
    long Delivered,
    long Pending,
    long DeadLetters,
    long EventsLastMinute,
    double EventsPerSecond,
    DateTimeOffset MeasuredAt)
{
    /// <summary>How many types <see cref="TopEventTypes"/> lists at most.</summary>
    public const int MaxTopEventTypes = 20;
}
