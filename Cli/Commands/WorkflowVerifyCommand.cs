using System.CommandLine;
using Spectre.Console;

namespace Rayswarm.Cli;

/// <summary><c>rayswarm workflow verify ID</c>: recomputes the audit hash chain and checks its signed head
/// (<c>GET /domains/workflows/{id}/verify</c>); exit 0 when valid, 1 when not.</summary>
internal static class WorkflowVerifyCommand
{
    public static Command Create(CliIo io)
    {
        var id = WorkflowCommand.IdArgument();
        var command = new Command("verify", "Check a workflow's audit chain and signature; exit 1 when they do not hold.") { id };
        return command.WithSession(io, async (parse, session, cancellationToken) =>
        {
            var workflowId = parse.GetValue(id)!;
            var verification = await session.Gateway.GetAsync(WorkflowCommand.Path(workflowId) + "/verify", cancellationToken);
            var valid = verification.Text("valid") == "true";
            if (session.Json)
            {
                session.WriteJson(verification);
            }
            else
            {
                var table = new Table().AddColumns("check", "result");
                table.AddRow("workflow", verification.Cell("workflow_id"));
                table.AddRow("audit entries", verification.Cell("entries"));
                table.AddRow("hash chain", Verdict(verification.Text("chain_valid") == "true"));
                table.AddRow("signature", Verdict(verification.Text("signature_valid") == "true"));
                table.AddRow("head hash", verification.Cell("head_hash"));
                foreach (var problem in verification.Items("problems")) { table.AddRow("[red]problem[/]", Markup.Escape(JsonText.Plain(problem))); }
                session.Console.Write(table);
                session.Console.MarkupLine(valid ? "[green]valid[/]" : "[red]NOT valid[/]");
            }
            if (!valid) { await session.Io.Error.WriteLineAsync($"rayswarm: workflow {workflowId} does not verify"); }
            return valid ? RayswarmCli.Ok : RayswarmCli.Failure;
        });
    }

    private static string Verdict(bool ok) => ok ? "[green]valid[/]" : "[red]invalid[/]";
}
