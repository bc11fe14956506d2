using System.CommandLine;

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
            return await WorkflowFollower.FollowAndReportAsync(session, started.Body, parse.GetValue(wait), TimeSpan.FromSeconds(parse.GetValue(timeout)),
                cancellationToken);
        });
    }
}
