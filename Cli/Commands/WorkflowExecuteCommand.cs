using System.CommandLine;
using System.Text.Json;

namespace Rayswarm.Cli;

/// <summary><c>rayswarm workflow execute ID [--wait]</c>: starts a created workflow; with <c>--wait</c> follows its steps
/// with a live progress display until it ends (exit 0 when it completed, 1 when it rolled back or failed).</summary>
internal static class WorkflowExecuteCommand
{
    public static Command Create(CliIo io)
    {
        var id = WorkflowCommand.IdArgument();
        var wait = new Option<bool>("--wait") { Description = "Follow the steps until the workflow ends." };
        var timeout = new Option<int>("--timeout") { Description = "With --wait: give up after this many seconds.", DefaultValueFactory = _ => 300 }.InRange(1, 86400);
        var command = new Command("execute", "Run a created workflow; --wait shows its steps' progress until it ends.") { id, wait, timeout };
        return command.WithSession(io, async (parse, session, cancellationToken) =>
        {
            var workflowId = parse.GetValue(id)!;
            // wait_seconds=0: the gateway answers at once (202 while running); the CLI follows the steps itself.
            var started = await session.Gateway.SendAsync(HttpMethod.Post,
                "/domains/workflows/execute/" + Uri.EscapeDataString(workflowId) + "?wait_seconds=0", "{}", cancellationToken);
            var workflow = started.Body;
            if (parse.GetValue(wait))
            {
                var follower = new WorkflowFollower(session, workflowId, TimeSpan.FromSeconds(parse.GetValue(timeout)));
                workflow = session.Json ? await follower.PollAsync(workflow, _ => { }, cancellationToken) : await follower.ShowProgressAsync(workflow, cancellationToken);
            }
            if (session.Json) { session.WriteJson(workflow); }
            else { session.Console.Write(WorkflowView.Tree(workflow)); }
            return Outcome(session, workflow, parse.GetValue(wait));
        });
    }

    private static int Outcome(CliSession session, JsonElement workflow, bool waited)
    {
        var status = workflow.Text("status");
        if (!waited || status == "completed") { return RayswarmCli.Ok; }
        session.Io.Error.WriteLine($"rayswarm: workflow {workflow.Text("workflow_id")} ended {status}: {workflow.Text("error")}");
        return RayswarmCli.Failure;
    }
}
