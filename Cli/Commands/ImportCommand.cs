using System.CommandLine;
using Spectre.Console;
using System.Text.Json;

namespace Rayswarm.Cli;

/// <summary><c>rayswarm import FILE|-</c>: contributes each exported contribution again and creates each workflow definition
/// again (new ids; confidence starts anew at 0.5, since verifications and applications are other domains' acts).</summary>
internal static class ImportCommand
{
    public static Command Create(CliIo io)
    {
        var file = new Argument<string>("file") { Description = "A file written by 'rayswarm export', or - for stdin." };
        var command = new Command("import", "Import knowledge and workflow definitions from an export (JSON).") { file };
        return command.WithSession(io, async (parse, session, cancellationToken) =>
        {
            var document = Read(await JsonInput.ReadTextAsync(parse.GetValue(file)!, cancellationToken));
            var contributions = new List<object>();
            foreach (var item in document.Knowledge)
            {
                var created = await session.Gateway.PostAsync("/domains/memory/contribute", new
                {
                    DomainId = item.Text("domain_id"),
                    ContributionType = item.Text("contribution_type"),
                    Content = item.Child("content"),
                }, cancellationToken);
                contributions.Add(new { From = item.Text("contribution_id"), ContributionId = created.Text("contribution_id") });
            }
            var workflows = new List<object>();
            foreach (var definition in document.Workflows)
            {
                var created = await session.Gateway.PostAsync("/domains/workflows/create", definition.ToCreateRequest(), cancellationToken);
                workflows.Add(new { From = definition.WorkflowId, WorkflowId = created.Text("workflow_id"), definition.Name });
            }
            if (session.Json)
            {
                session.WriteJson(new { Contributions = contributions, Workflows = workflows });
            }
            else
            {
                session.Console.MarkupLineInterpolated($"imported {contributions.Count} contributions and {workflows.Count} workflow definitions");
            }
            return RayswarmCli.Ok;
        });
    }

    private static ExportDocument Read(string text)
    {
        ExportDocument? document;
        try
        {
            document = JsonSerializer.Deserialize<ExportDocument>(text, CliJson.Options);
        }
        catch (JsonException e)
        {
            throw new CliException($"not an export of rayswarm: {e.Message}", RayswarmCli.Failure, e);
        }
        if (document?.Format != ExportDocument.CurrentFormat)
        {
            throw new CliException($"not an export of rayswarm: format must be '{ExportDocument.CurrentFormat}' (was '{document?.Format}')");
        }
        return document with { Knowledge = document.Knowledge ?? [], Workflows = document.Workflows ?? [] };
    }
}
