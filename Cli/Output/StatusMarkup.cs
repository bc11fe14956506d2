using Spectre.Console;

namespace Rayswarm.Cli;

/// <summary>A status word coloured by what it means: green done or healthy, yellow under way, red failed.</summary>
internal static class StatusMarkup
{
    public static string Of(string status) => status switch
    {
        "healthy" or "completed" or "approved" => $"[green]{Markup.Escape(status)}[/]",
        "running" or "compensating" or "rolling_back" or "pending" or "created" => $"[yellow]{Markup.Escape(status)}[/]",
        "unhealthy" or "failed" or "rolled_back" or "compensation_failed" or "rejected" or "timed_out" => $"[red]{Markup.Escape(status)}[/]",
        _ => Markup.Escape(status),
    };
}
