namespace Rayswarm.Grains.Interfaces;

/// <summary>Which stored events to read (the query of <c>GET /domains/events/history</c>); every filter is optional.</summary>
/// <param name="EventType">Only this event type.</param>
/// <param name="Pattern">Only event types matching this pattern (as in subscriptions).</param>
/// <param name="SourceDomain">Only events published by this domain.</param>
/// <param name="Since">Only events stored at or after this time.</param>
/// <param name="Until">Only events stored at or before this time.</param>
/// <param name="After">Only events after this position: 0 for the oldest, else the previous page's <see cref="EventHistoryPage.NextPosition"/>.</param>
/// <param name="Limit">The most events in one page: 1–1000, default 100.</param>
[GenerateSerializer, Immutable, Alias("rayswarm.EventHistoryQuery")]
public sealed record EventHistoryQuery(
    string? EventType = null,
    string? Pattern = null,
    string? SourceDomain = null,
    DateTimeOffset? Since = null,
    DateTimeOffset? Until = null,
    long After = 0,
    int Limit = 100)
{
    /// <summary>The page size when none is given (the default of <see cref="Limit"/>).</summary>
    public const int DefaultLimit = 100;

    /// <summary>The largest page.</summary>
    public const int MaxLimit = 1000;

    /// <summary>Throws <see cref="ArgumentException"/> naming the first invalid field.</summary>
    public void Validate()
    {
        if (EventType is not null) { EventTypes.Validate(EventType); }
        if (Pattern is not null) { SubscribeRequest.ValidatePattern(Pattern); }
        if (SourceDomain is not null) { DomainRegistration.ValidateDomainId(SourceDomain, "source_domain"); }
        if (Since is { } since && Until is { } until && until < since)
        {
            throw new ArgumentException($"until ({until:O}) must not be before since ({since:O}).", "until");
        }
        if (After < 0)
        {
            throw new ArgumentException($"after must be a position of 0 or more (was {After}).", "after");
        }
        if (Limit is < 1 or > MaxLimit)
        {
            throw new ArgumentException($"limit must be between 1 and {MaxLimit} (was {Limit}).", "limit");
        }
    }
}
