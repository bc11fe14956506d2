namespace Rayswarm.Domains.Monitor;

/// <summary>The monitor's durable record (grain state), changed only by <see cref="MonitorTally"/>.</summary>
public sealed class MonitorState
{
    /// <summary>Events counted, each event id once.</summary>
    public long Total { get; set; }

    /// <summary>Deliveries not counted because their event was counted already.</summary>
    public long Duplicates { get; set; }

    /// <summary>Counts per event type.</summary>
    public Dictionary<string, MonitoredCount> Types { get; set; } = new(StringComparer.Ordinal);

    /// <summary>Counts per source domain.</summary>
    public Dictionary<string, MonitoredCount> Sources { get; set; } = new(StringComparer.Ordinal);

    /// <summary>The newest counted events, newest first (at most <see cref="MonitorTally.MaxRecent"/>).</summary>
    public List<MonitoredEvent> Recent { get; set; } = [];

    /// <summary>The newest counted failures, newest first (at most <see cref="MonitorTally.MaxRecentFailures"/>).</summary>
    public List<MonitoredEvent> RecentFailures { get; set; } = [];
}
