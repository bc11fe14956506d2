using Rayswarm.Grains;
using Rayswarm.Grains.Interfaces;

namespace Rayswarm.Domains.Monitor;

/// <summary>The monitor's actions: their descriptions, schemas and answers.</summary>
public sealed partial class MonitorDomainGrain
{
    private const string Stats = "stats";
    private const string Recent = "recent";
    private const int DefaultLimit = 20;

    private static readonly IReadOnlyList<DomainActionInfo> s_actions =
    [
        new(Stats,
            "What the monitor has seen on the bus (by default every *.completed and *.failed event, at any depth): total " +
            "events (each event id once), redeliveries ignored, counts and last seen per event type and per source domain, " +
            "and the recent failures (*.failed, *.rolled_back) with their data. Read-only.",
            """{"type":"object","additionalProperties":false,"properties":{}}""",
            Compensable: false,
            ReadOnly: true),
        new(Recent,
            "The most recent events the monitor counted, newest first, optionally only failures or one event type. Read-only.",
            $$$"""
            {"type":"object","additionalProperties":false,"properties":{
            "limit":{"type":"integer","minimum":1,"maximum":{{{MonitorTally.MaxRecent}}},"default":{{{DefaultLimit}}},"description":"At most this many events."},
            "failures_only":{"type":"boolean","default":false,"description":"Only failures (the newest {{{MonitorTally.MaxRecentFailures}}} are kept)."},
            "event_type":{"type":"string","maxLength":{{{EventTypes.MaxLength}}},"description":"Only events of this type, e.g. healing.completed."}}
            }
            """,
            Compensable: false,
            ReadOnly: true),
    ];

    private static object StatsOf(MonitorState s) => new
    {
        total = s.Total,
        duplicates_ignored = s.Duplicates,
        failures = s.Types.Where(t => MonitorTally.IsFailure(t.Key)).Sum(t => t.Value.Count),
        last_seen = s.Types.Count == 0 ? (DateTimeOffset?)null : s.Types.Values.Max(c => c.LastSeen),
        event_types = s.Types.OrderByDescending(t => t.Value.Count).ThenBy(t => t.Key, StringComparer.Ordinal)
            .Select(t => new { event_type = t.Key, count = t.Value.Count, last_seen = t.Value.LastSeen }),
        sources = s.Sources.OrderByDescending(t => t.Value.Count).ThenBy(t => t.Key, StringComparer.Ordinal)
            .Select(t => new { source_domain = t.Key, count = t.Value.Count, last_seen = t.Value.LastSeen }),
        recent_failures = s.RecentFailures,
    };

    private static object RecentOf(MonitorState s, DomainActionInput args)
    {
        var limit = args.Integer("limit") ?? DefaultLimit;
        if (limit is < 1 or > MonitorTally.MaxRecent)
        {
            throw new ArgumentException($"limit must be between 1 and {MonitorTally.MaxRecent} (was {limit}).", "limit");
        }
        var eventType = args.String("event_type");
        if (eventType is not null) { EventTypes.Validate(eventType); }
        var events = (args.Boolean("failures_only") ?? false ? s.RecentFailures : s.Recent)
            .Where(e => eventType is null || e.EventType == eventType).Take(limit).ToList();
        return new { count = events.Count, events };
    }
}
