using System.Text.Json;
using Rayswarm.Grains.Interfaces;

namespace Rayswarm.Domains.Monitor;

/// <summary>
/// The monitor's counting: each event is counted once per event id. The bus delivers the events of one type in order
/// (per subscription), at least once, so a delivery whose position is at or below the newest counted of its type is a
/// redelivery (after a silo died before its cursor moved) and only counts as a duplicate. Failures are the events whose
/// type's last segment is in <see cref="FailureSegments"/>.
/// </summary>
public static class MonitorTally
{
    /// <summary>How many recent events are kept.</summary>
    public const int MaxRecent = 100;

    /// <summary>How many recent failures are kept.</summary>
    public const int MaxRecentFailures = 50;

    /// <summary>The largest failure data kept with a recent failure, as JSON text; larger data is left out.</summary>
    public const int MaxFailureDataBytes = 4096;

    /// <summary>The last segments of failure event types (<c>x.failed</c>, <c>workflow.rolled_back</c>).</summary>
    public static readonly IReadOnlyList<string> FailureSegments = ["failed", "rolled_back"];

    /// <summary>Whether <paramref name="eventType"/> reports a failure.</summary>
    public static bool IsFailure(string eventType)
    {
        ArgumentNullException.ThrowIfNull(eventType);
        var last = eventType[(eventType.LastIndexOf('.') + 1)..];
        return FailureSegments.Contains(last, StringComparer.Ordinal);
    }

    /// <summary>Counts <paramref name="domainEvent"/> into <paramref name="state"/>; false (and only
    /// <see cref="MonitorState.Duplicates"/> grows) when it was counted already.</summary>
    public static bool Record(MonitorState state, DomainEvent domainEvent)
    {
        ArgumentNullException.ThrowIfNull(state);
        ArgumentNullException.ThrowIfNull(domainEvent);
        if (state.Types.TryGetValue(domainEvent.EventType, out var seen) && domainEvent.Position <= seen.LastPosition)
        {
            state.Duplicates++;
            return false;
        }
        state.Total++;
        state.Types[domainEvent.EventType] = Next(seen, domainEvent);
        state.Sources[domainEvent.SourceDomain] = Next(state.Sources.GetValueOrDefault(domainEvent.SourceDomain), domainEvent);
        var failure = IsFailure(domainEvent.EventType);
        Push(state.Recent, ToRecent(domainEvent, withData: false), MaxRecent);
        if (failure) { Push(state.RecentFailures, ToRecent(domainEvent, withData: true), MaxRecentFailures); }
        return true;
    }

    private static MonitoredCount Next(MonitoredCount? before, DomainEvent domainEvent) =>
        new((before?.Count ?? 0) + 1,
            before is not null && before.LastSeen > domainEvent.Timestamp ? before.LastSeen : domainEvent.Timestamp,
            Math.Max(before?.LastPosition ?? 0, domainEvent.Position));

    private static MonitoredEvent ToRecent(DomainEvent e, bool withData) =>
        new(e.EventId, e.EventType, e.SourceDomain, e.Timestamp, e.Position,
            withData && e.Data.ValueKind == JsonValueKind.Object && e.Data.GetRawText().Length <= MaxFailureDataBytes ? e.Data.Clone() : null);

    private static void Push(List<MonitoredEvent> list, MonitoredEvent item, int max)
    {
        list.Insert(0, item);
        if (list.Count > max) { list.RemoveRange(max, list.Count - max); }
    }
}
