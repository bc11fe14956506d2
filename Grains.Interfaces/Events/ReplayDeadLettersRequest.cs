namespace Rayswarm.Grains.Interfaces;

/// <summary>Dead letters of one subscription to deliver again (the body of <c>POST /domains/events/dead-letters/replay</c>):
/// either <paramref name="EventIds"/> or <paramref name="All"/>.</summary>
/// <param name="SubscriptionId">The subscription whose dead letters to replay.</param>
/// <param name="EventIds">The event ids to replay (each must be one of its dead letters; at most <see cref="MaxEvents"/>).</param>
/// <param name="All">Replay its oldest <see cref="MaxEvents"/> dead letters instead.</param>
[GenerateSerializer, Immutable, Alias("rayswarm.ReplayDeadLettersRequest")]
public sealed record ReplayDeadLettersRequest(string SubscriptionId, IReadOnlyList<string>? EventIds = null, bool All = false)
{
    /// <summary>The most events one replay delivers.</summary>
    public const int MaxEvents = 1000;

    /// <summary>Throws <see cref="ArgumentException"/> naming the first invalid field (subscription_id, event_ids, all).</summary>
    public void Validate()
    {
        if (string.IsNullOrEmpty(SubscriptionId))
        {
            throw new ArgumentException("subscription_id is required.", "subscription_id");
        }
        if (All == EventIds is not null)
        {
            throw new ArgumentException("Give either event_ids or all=true (not both).", All ? "all" : "event_ids");
        }
        if (EventIds is null) { return; }
        if (EventIds.Count is 0 or > MaxEvents)
        {
            throw new ArgumentException($"event_ids must hold 1 to {MaxEvents} ids (was {EventIds.Count}).", "event_ids");
        }
        if (EventIds.Any(string.IsNullOrEmpty))
        {
            throw new ArgumentException("event_ids must not hold an empty id.", "event_ids");
        }
    }
}
