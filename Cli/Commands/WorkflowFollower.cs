using System.Text.Json;
using Spectre.Console;

namespace Rayswarm.Cli;

/// <summary>Polls a running workflow (<c>GET /domains/workflows/{id}</c>) until it ends, drawing its steps as progress bars.</summary>
internal sealed class WorkflowFollower(CliSession session, string workflowId, TimeSpan timeout)
{
    private static readonly TimeSpan s_poll = TimeSpan.FromMilliseconds(200);

    private static readonly HashSet<string> s_terminal = ["completed", "rolled_back", "failed"];

    private static readonly HashSet<string> s_stepDone = ["completed", "failed", "compensated", "compensation_failed", "skipped"];

    /// <summary>What <c>workflow execute</c> and <c>orchestrate</c> do after starting a workflow: with <paramref name="wait"/>
    /// follow it to its end (progress bars, or silently with <c>--json</c>), then print it; exit 1 when it was followed and
    /// did not complete, with the reason on stderr.</summary>
    public static async Task<int> FollowAndReportAsync(CliSession session, JsonElement workflow, bool wait, TimeSpan timeout, CancellationToken cancellationToken)
    {
        if (wait)
        {
            var follower = new WorkflowFollower(session, workflow.Text("workflow_id"), timeout);
            workflow = session.Json ? await follower.PollAsync(workflow, _ => { }, cancellationToken) : await follower.ShowProgressAsync(workflow, cancellationToken);
        }
        if (session.Json) { session.WriteJson(workflow); }
        else { session.Console.Write(WorkflowView.Tree(workflow)); }
        var status = workflow.Text("status");
        if (!wait || status == "completed") { return RayswarmCli.Ok; }
        session.Io.Error.WriteLine($"rayswarm: workflow {workflow.Text("workflow_id")} ended {status}: {workflow.Text("error")}");
        return RayswarmCli.Failure;
    }

    /// <summary>Reads the workflow until its status is terminal, calling <paramref name="onRead"/> with each reading.</summary>
    public async Task<JsonElement> PollAsync(JsonElement workflow, Action<JsonElement> onRead, CancellationToken cancellationToken)
    {
        var deadline = DateTimeOffset.UtcNow + timeout;
        onRead(workflow);
        while (!s_terminal.Contains(workflow.Text("status")))
        {
            if (DateTimeOffset.UtcNow > deadline)
            {
                throw new CliException($"workflow {workflowId} is still {workflow.Text("status")} after {timeout.TotalSeconds:0} s (it runs on; see 'rayswarm workflow show {workflowId}')");
            }
            await Task.Delay(s_poll, cancellationToken);
            workflow = await session.Gateway.GetAsync(WorkflowCommand.Path(workflowId), cancellationToken);
            onRead(workflow);
        }
        return workflow;
    }

    /// <summary><see cref="PollAsync"/> with one progress bar per step and one for the whole workflow on a terminal; elsewhere
    /// (a pipe, a log) one line per change of a step's status.</summary>
    public async Task<JsonElement> ShowProgressAsync(JsonElement workflow, CancellationToken cancellationToken)
    {
        if (!session.Console.Profile.Capabilities.Interactive) { return await PollAsync(workflow, new StepLog(session.Console).Write, cancellationToken); }
        var result = workflow;
        await session.Console.Progress()
            .AutoClear(false)
            .Columns(new TaskDescriptionColumn { Alignment = Justify.Left }, new ProgressBarColumn(), new PercentageColumn(), new ElapsedTimeColumn())
            .StartAsync(async progress =>
            {
                var steps = workflow.Items("steps").ToList();
                var total = progress.AddTask(Markup.Escape(workflow.Text("name")), maxValue: Math.Max(1, steps.Count));
                var bars = steps.ToDictionary(s => s.Text("step_id"), s => progress.AddTask(Describe(s), maxValue: 1));
                result = await PollAsync(workflow, reading =>
                {
                    foreach (var step in reading.Items("steps"))
                    {
                        if (!bars.TryGetValue(step.Text("step_id"), out var bar)) { continue; }
                        bar.Description = Describe(step);
                        bar.Value = s_stepDone.Contains(step.Text("status")) ? 1 : step.Text("status") == "running" ? 0.5 : 0;
                    }
                    total.Description = $"{Markup.Escape(reading.Text("name"))} · {StatusMarkup.Of(reading.Text("status"))}";
                    total.Value = reading.Items("steps").Count(s => s.Text("status") == "completed");
                    if (s_terminal.Contains(reading.Text("status")))
                    {
                        foreach (var bar in bars.Values.Append(total)) { bar.StopTask(); }
                    }
                }, cancellationToken);
            });
        return result;
    }

    private static string Describe(JsonElement step) =>
        $"  {step.Cell("step_id")} {step.Cell("domain_id")}.{step.Cell("action")} · {StatusMarkup.Of(step.Text("status"))}";
}
