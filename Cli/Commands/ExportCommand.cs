using System.CommandLine;
using Spectre.Console;
using System.Text.Json;

namespace Rayswarm.Cli;

/// <summary><c>rayswarm export [-o FILE] [--only knowledge|workflows]</c>: the shared memory's contributions and the workflow
/// definitions as one JSON document (<see cref="ExportDocument"/>), to a file or stdout.</summary>
internal static class ExportCommand
{
    public static Command Create(CliIo io)
    {
        var output = new Option<string?>("--output", "-o") { Description = "Write to this file instead of stdout." };
        var only = new Option<string?>("--only") { Description = "Export only knowledge or only workflows." };
        only.AcceptOnlyFromAmong("knowledge", "workflows");
        var command = new Command("export", "Export knowledge (memory contributions) and workflow definitions as JSON.") { output, only };
        return command.WithSession(io, async (parse, session, cancellationToken) =>
        {
            var what = parse.GetValue(only);
            var knowledge = what is null or "knowledge"
                ? await KnowledgeExport.ReadAsync(session.Gateway, cancellationToken)
                : ([], true, 0, 0);
            var workflows = what is null or "workflows" ? await WorkflowExport.ReadAsync(session.Gateway, cancellationToken) : [];
            if (!knowledge.Complete)
            {
                await session.Io.Error.WriteLineAsync($"rayswarm: warning: the export holds the contributions of {knowledge.DomainsListed} of "
                    + $"{knowledge.Domains} contributing domains (the gateway lists at most {knowledge.DomainsListed})");
            }
            var document = new ExportDocument(ExportDocument.CurrentFormat, DateTimeOffset.UtcNow, session.Gateway.BaseAddress.ToString(),
                knowledge.Complete, knowledge.Contributions, workflows);
            var json = JsonSerializer.Serialize(document, CliJson.Indented);
            if (parse.GetValue(output) is not { Length: > 0 } file)
            {
                await session.Io.Output.WriteLineAsync(json);
                return RayswarmCli.Ok;
            }
            await File.WriteAllTextAsync(file, json + Environment.NewLine, cancellationToken);
            if (session.Json)
            {
                session.WriteJson(new { File = file, Contributions = knowledge.Contributions.Count, Workflows = workflows.Count, knowledge.Complete });
            }
            else
            {
                session.Console.MarkupLineInterpolated($"exported {knowledge.Contributions.Count} contributions and {workflows.Count} workflow definitions to {file}");
            }
            return RayswarmCli.Ok;
        });
    }
}
