using System.CommandLine;
using System.Globalization;
using Spectre.Console;

namespace Rayswarm.Cli;

/// <summary><c>rayswarm list workflows [--status S] [--limit N]</c>: workflows newest first (<c>GET /domains/workflows/list</c>).</summary>
internal static class ListWorkflowsCommand
{
    public static Command Create(CliIo io)
    {
        var status = new Option<string?>("--status") { Description = "Only workflows with this status (created, running, completed, rolled_back, failed)." };
        var limit = new Option<int>("--limit") { Description = "How many, newest first (1-1000).", DefaultValueFactory = _ => 50 };
        var command = new Command("workflows", "Workflows newest first, with their status and progress.") { status, limit };
        return command.WithSession(io, async (parse, session, cancellationToken) =>
        {
            var path = $"/domains/workflows/list?limit={parse.GetValue(limit).ToString(CultureInfo.InvariantCulture)}";
            if (parse.GetValue(status) is { Length: > 0 } wanted) { path += "&status=" + Uri.EscapeDataString(wanted); }
            var answer = await session.Gateway.GetAsync(path, cancellationToken);
            if (session.Json)
            {
                session.WriteJson(answer);
                return RayswarmCli.Ok;
            }
            var table = new Table().AddColumns("workflow", "name", "status", "steps", "created", "error");
            foreach (var workflow in answer.Items("workflows"))
            {
                table.AddRow(workflow.Cell("workflow_id"), workflow.Cell("name"), StatusMarkup.Of(workflow.Text("status")),
                    $"{workflow.Text("steps_completed")}/{workflow.Text("steps")}", workflow.Time("created_at"), workflow.Cell("error"));
            }
            table.Caption($"{answer.Items("workflows").Count()} of {answer.Text("total")} workflows");
            session.Console.Write(table);
            return RayswarmCli.Ok;
        });
    }
}
