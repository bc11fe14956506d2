using System.CommandLine;
using System.Text.Json;
using Spectre.Console;

namespace Rayswarm.Cli;

/// <summary><c>rayswarm status</c>: one screen over the whole system, from <c>/domains/system/health</c> and
/// <c>/domains/system/overview</c>.</summary>
internal static class StatusCommand
{
    public static Command Create(CliIo io) =>
        new Command("status", "One screen: health, domains, events, knowledge and workflows.").WithSession(io, async (_, session, cancellationToken) =>
        {
            var health = await HealthAsync(session, cancellationToken);
            var overview = await session.Gateway.GetAsync("/domains/system/overview", cancellationToken);
            if (session.Json)
            {
                session.WriteJson(new { Gateway = session.Gateway.BaseAddress.ToString(), health.Status, Health = health.Body, Overview = overview });
                return RayswarmCli.Ok;
            }
            session.Console.Write(new Rule($"rayswarm · {Markup.Escape(session.Gateway.BaseAddress.ToString())} · {StatusMarkup.Of(health.Status)}").LeftJustified());
            session.Console.Write(OverviewView.Summary(overview));
            session.Console.Write(OverviewView.Domains(overview));
            session.Console.Write(OverviewView.ActiveWorkflows(overview));
            return RayswarmCli.Ok;
        });

    /// <summary>The health report; a 503 is an answer here (the system is unhealthy), not a failure of the command.</summary>
    private static async Task<(string Status, JsonElement Body)> HealthAsync(CliSession session, CancellationToken cancellationToken)
    {
        try
        {
            var report = await session.Gateway.GetAsync("/domains/system/health", cancellationToken);
            return (report.Text("status") is { Length: > 0 } status ? status : "healthy", report);
        }
        catch (GatewayProblemException e) when (e.Status == 503)
        {
            return ("unhealthy", JsonSerializer.SerializeToElement(new { Status = "unhealthy", e.Title, e.Detail }, CliJson.Options));
        }
    }
}
