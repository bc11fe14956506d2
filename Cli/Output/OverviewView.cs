using System.Globalization;
using System.Text.Json;
using Spectre.Console;
using Spectre.Console.Rendering;

namespace Rayswarm.Cli;

/// <summary>Draws the system overview (<c>GET /domains/system/overview</c>) for <c>status</c> and <c>monitor</c>.</summary>
internal static class OverviewView
{
    /// <summary>The figures of each area side by side: domains, events, knowledge, workflows.</summary>
    public static IRenderable Summary(JsonElement overview, JsonElement? rates = null)
    {
        var registry = overview.Child("registry");
        var events = overview.Child("events");
        var knowledge = overview.Child("knowledge");
        var workflows = overview.Child("workflows");
        var perSecond = rates is { } r ? r.Items("types").Sum(t => t.Number("per_second")) : events.Number("events_per_second");
        var table = new Table().AddColumns("area", "figures");
        table.AddRow("domains", $"{registry.Text("total_domains")} registered · {registry.Text("healthy")} healthy · {registry.Text("unhealthy")} unhealthy");
        table.AddRow("events", $"{events.Text("total_published")} published · {Rate(perSecond)}/s · {events.Text("events_last_minute")} last minute · "
            + $"{events.Text("subscriptions")} subscriptions · {events.Text("dead_letters")} dead letters");
        table.AddRow("knowledge", $"{knowledge.Text("total_contributions")} contributions · {knowledge.Text("total_verifications")} verifications · "
            + $"average confidence {knowledge.Number("average_confidence").ToString("0.00", CultureInfo.InvariantCulture)}");
        var byStatus = workflows.Child("by_status");
        var statuses = byStatus.ValueKind == JsonValueKind.Object
            ? string.Join(" · ", byStatus.EnumerateObject().Where(s => s.Value.GetInt64() > 0).Select(s => $"{s.Value} {StatusMarkup.Of(s.Name)}"))
            : "";
        table.AddRow(new Markup("workflows"), new Markup($"{workflows.Text("total_workflows")} in all · {workflows.Text("active_workflows")} active"
            + (statuses.Length > 0 ? " · " + statuses : "")));
        return table;
    }

    public static IRenderable Domains(JsonElement overview, int max = 10)
    {
        var table = new Table().AddColumns("domain", "status", "last heartbeat");
        var domains = overview.Items("domains").ToList();
        foreach (var domain in domains.Take(max))
        {
            table.AddRow(domain.Cell("domain_id"), StatusMarkup.Of(domain.Text("status")), domain.Time("last_heartbeat_at"));
        }
        if (domains.Count > max) { table.Caption($"{max} of {domains.Count} domains"); }
        return table;
    }

    public static IRenderable ActiveWorkflows(JsonElement overview, int max = 10)
    {
        var table = new Table().AddColumns("running workflow", "name", "status", "steps");
        var active = overview.Items("active_workflows").ToList();
        foreach (var workflow in active.Take(max))
        {
            table.AddRow(workflow.Cell("workflow_id"), workflow.Cell("name"), StatusMarkup.Of(workflow.Text("status")),
                $"{workflow.Text("steps_completed")}/{workflow.Text("steps")}");
        }
        if (active.Count == 0) { table.Caption("no workflow running"); }
        return table;
    }

    /// <summary>The busiest event types over the last minute (<c>GET /domains/events/rates</c>).</summary>
    public static IRenderable EventRates(JsonElement rates, int max = 8)
    {
        var table = new Table().AddColumns("event type", "per second", "last minute", "total");
        foreach (var type in rates.Items("types").Take(max))
        {
            table.AddRow(type.Cell("event_type"), Rate(type.Number("per_second")), type.Cell("last_minute"), type.Cell("total"));
        }
        return table;
    }

    public static string Rate(double perSecond) => perSecond.ToString("0.00", CultureInfo.InvariantCulture);
}
