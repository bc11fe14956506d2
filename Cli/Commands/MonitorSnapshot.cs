using System.Text.Json;

namespace Rayswarm.Cli;

/// <summary>One reading of the monitor: the overview and the event rates, with the figures it shows first.</summary>
internal sealed record MonitorSnapshot(DateTimeOffset At, int Refresh, JsonElement Overview, JsonElement Rates)
{
    public long EventsPublished => (long)Overview.Child("events").Number("total_published");

    public double EventsPerSecond => Rates.Items("types").Sum(t => t.Number("per_second"));

    public object ToJson() => new
    {
        MeasuredAt = At,
        Refresh,
        EventsPublished,
        EventsPerSecond = Math.Round(EventsPerSecond, 3),
        ActiveWorkflows = (long)Overview.Child("workflows").Number("active_workflows"),
        Overview,
        Rates,
    };
}
