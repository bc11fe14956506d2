using System.Text.Json;

namespace Rayswarm.Grains.Interfaces;

/// <summary>An event to publish on the bus (the body of <c>POST /domains/events/publish</c>).</summary>
/// <param name="EventType">Its type: dot-separated segments of letters, digits, '_' and '-', at most 200 characters.</param>
/// <param name="SourceDomain">The publishing domain's id (a valid domain id; it need not be registered).</param>
/// <param name="Data">Its payload: a JSON object, or absent (stored as <c>{}</c>).</param>
/// <param name="EventId">Optional id chosen by the publisher: publishing the same id again returns the stored event instead
/// of a duplicate (safe retries). Letters, digits, '_', '-' and '.', at most 100 characters; a new id when absent.</param>
[GenerateSerializer, Immutable, Alias("rayswarm.PublishRequest")]
public sealed record PublishRequest(string EventType, string SourceDomain, JsonElement? Data = null, string? EventId = null)
{
    /// <summary>The longest publisher-chosen event id.</summary>
    public const int MaxEventIdLength = 100;

    /// <summary>Throws <see cref="ArgumentException"/> naming the first invalid field (event_type, source_domain, data, event_id).</summary>
    public void Validate()
    {
        EventTypes.Validate(EventType);
        DomainRegistration.ValidateDomainId(SourceDomain, "source_domain");
        if (Data is { ValueKind: not (JsonValueKind.Object or JsonValueKind.Null or JsonValueKind.Undefined) } data)
        {
            throw new ArgumentException($"data must be a JSON object (was {data.ValueKind.ToString().ToLowerInvariant()}).", "data");
        }
        if (EventId is not null)
        {
            if (EventId.Length is 0 or > MaxEventIdLength
                || !EventId.All(c => char.IsAsciiLetterOrDigit(c) || c is '_' or '-' or '.'))
            {
                throw new ArgumentException(
                    $"event_id must be 1-{MaxEventIdLength} letters, digits, '_', '-' or '.' (was '{EventId}').", "event_id");
            }
        }
    }
}
