using System.Text.Json;
using Rayswarm.Grains.Interfaces;

namespace Rayswarm.Grains;

/// <summary>
/// How the <c>memory</c> domain keeps a bus event it is subscribed to (default <c>ml.*</c>) as knowledge: a contribution of
/// the event's source domain whose type is the event type (so it is searchable and filterable by it), whose content is
/// the event's data (<c>{"event_type": …}</c> when the data is empty), and whose starting confidence is
/// <c>data.confidence</c> when that is a number in 0..1, else <see cref="MemoryConfidence.Initial"/>. Its id is derived from
/// the event id, so an event delivered again is stored once.
/// </summary>
public static class EventKnowledge
{
    /// <summary>The contribution type of an event whose type is longer than a contribution type may be.</summary>
    public const string LongTypeName = "event";

    /// <summary>The event types never kept: the shared memory's own announcements (<c>memory.contributed</c>, …), which
    /// would otherwise contribute again for ever under a pattern such as <c>#</c>.</summary>
    public const string OwnPrefix = "memory.";

    /// <summary>Whether <paramref name="domainEvent"/> is kept (everything but <see cref="OwnPrefix"/>).</summary>
    public static bool IsKept(DomainEvent domainEvent)
    {
        ArgumentNullException.ThrowIfNull(domainEvent);
        return !domainEvent.EventType.StartsWith(OwnPrefix, StringComparison.Ordinal);
    }

    /// <summary>The contribution id of an event: <see cref="DomainContributions.IdFor"/>(source domain, "event:" + event id).</summary>
    public static string IdOf(DomainEvent domainEvent)
    {
        ArgumentNullException.ThrowIfNull(domainEvent);
        return DomainContributions.IdFor(domainEvent.SourceDomain, "event:" + domainEvent.EventId);
    }

    /// <summary>The contribution request for an event (validate it: data over 64 KiB is not a valid contribution).</summary>
    public static ContributeRequest RequestOf(DomainEvent domainEvent)
    {
        ArgumentNullException.ThrowIfNull(domainEvent);
        var type = domainEvent.EventType.Length <= MemoryValidation.MaxContributionTypeLength ? domainEvent.EventType : LongTypeName;
        var content = domainEvent.Data.ValueKind == JsonValueKind.Object && domainEvent.Data.EnumerateObject().Any()
            ? domainEvent.Data
            : JsonSerializer.SerializeToElement(new Dictionary<string, string> { ["event_type"] = domainEvent.EventType });
        return new ContributeRequest(domainEvent.SourceDomain, type, content);
    }

    /// <summary><c>data.confidence</c> when it is a number in 0..1, else <see cref="MemoryConfidence.Initial"/>.</summary>
    public static double ConfidenceOf(DomainEvent domainEvent)
    {
        ArgumentNullException.ThrowIfNull(domainEvent);
        return domainEvent.Data.ValueKind == JsonValueKind.Object
            && domainEvent.Data.TryGetProperty("confidence", out var given) && given.ValueKind == JsonValueKind.Number
            && given.TryGetDouble(out var confidence) && confidence is >= 0 and <= 1
            ? confidence
            : MemoryConfidence.Initial;
    }
}
