using System.CommandLine;
using Spectre.Console;

namespace Rayswarm.Cli;

/// <summary><c>rayswarm orchestrate "TASK" [--strategy parallel|sequential|adaptive] [--wait] [--swarm NAME]</c>: the swarm
/// turns the task into a workflow shaped by its topology and runs it (<c>POST /domains/swarms/{name}/orchestrate</c>); with
/// <c>--wait</c> the steps' progress is shown live until it ends (exit 0 when it completed, 1 otherwise).</summary>
internal static class SwarmOrchestrateCommand
{
    public static Command Create(CliIo io)
    {
        var task = new Argument<string>("task") { Description = "What to do, as text." };
        var strategy = new Option<string?>("--strategy") { Description = "parallel, sequential or adaptive (default: the swarm's)." }
            .AcceptOnlyFromAmong("parallel", "sequential", "adaptive");
        var wait = new Option<bool>("--wait") { Description = "Follow the steps until the workflow ends." };
        var timeout = new Option<int>("--timeout") { Description = "With --wait: give up after this many seconds.", DefaultValueFactory = _ => 300 }.InRange(1, 86400);
        var swarm = SwarmOptions.Swarm();
        var command = new Command("orchestrate", "Run a task over a swarm's agents; --wait shows its steps' progress.") { task, strategy, wait, timeout, swarm };
        return command.WithSession(io, async (parse, session, cancellationToken) =>
        {
            // wait_seconds=0: the gateway answers at once (202 while running); the CLI follows the steps itself.
            var plan = (await session.Gateway.SendAsync(HttpMethod.Post, SwarmOptions.Path(parse.GetValue(swarm)!) + "/orchestrate?wait_seconds=0",
                new { Task = new { Text = parse.GetValue(task) }, Strategy = parse.GetValue(strategy) }, cancellationToken)).Body;
            var workflow = plan.GetProperty("workflow");
            if (!session.Json)
            {
                session.Console.MarkupLine($"swarm {plan.Cell("swarm")} ({plan.Cell("topology")}, {plan.Cell("strategy")}): workflow {workflow.Cell("workflow_id")}");
            }
            return await WorkflowFollower.FollowAndReportAsync(session, workflow, parse.GetValue(wait), TimeSpan.FromSeconds(parse.GetValue(timeout)),
                cancellationToken);
        });
    }
}
