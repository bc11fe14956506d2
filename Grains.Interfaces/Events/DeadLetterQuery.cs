namespace Rayswarm.Grains.Interfaces;

/// <summary>Which dead letters to list (the query of <c>GET /domains/events/dead-letters</c>).</summary>
/// <param name="SubscriptionId">Only this subscription's (it must exist); every bus subscription's when null.</param>
/// <param name="Limit">The most to list: 1–1000, default 100.</param>
/// <param name="OldestFirst">Oldest parked first (the order a replay delivers them); newest first by default.</param>
[GenerateSerializer, Immutable, Alias("rayswarm.DeadLetterQuery")]
public sealed record DeadLetterQuery(string? SubscriptionId = null, int Limit = DeadLetterQuery.DefaultLimit, bool OldestFirst = false)
{
    /// <summary>The default of <see cref="Limit"/>.</summary>
    public const int DefaultLimit = 100;

    /// <summary>The largest <see cref="Limit"/>.</summary>
    public const int MaxLimit = 1000;

    /// <summary>Throws <see cref="ArgumentException"/> naming the first invalid field (subscription_id, limit).</summary>
    public void Validate()
    {
        if (SubscriptionId is "")
        {
            throw new ArgumentException("subscription_id must not be empty.", "subscription_id");
        }
        if (Limit is < 1 or > MaxLimit)
        {
            throw new ArgumentException($"limit must be between 1 and {MaxLimit} (was {Limit}).", "limit");
        }
    }
}
