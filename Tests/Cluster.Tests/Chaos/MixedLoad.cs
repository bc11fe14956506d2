using System.Collections.Concurrent;
using System.Globalization;

namespace Rayswarm.Cluster.Tests;

/// <summary>
/// The chaos run's load, all through the gateway's HTTP API, each kind at a steady rate:
/// <list type="bullet">
/// <item>publishes of <see cref="EventType"/> (which the endpoint domain is subscribed to), each with a unique <c>event_id</c>;
/// a publish that got no 200 is sent again with the same id (publishing is idempotent by id) until it does or the load ends;</item>
/// <item>contributions to the shared memory under <see cref="ContributionDomain"/>, not retried (a contribution is not idempotent);</item>
/// <item>workflows over the built-in domains: <c>memory.contribute</c> then <c>events.publish</c>; one in four publishes an
/// invalid event type on purpose, so it must roll back and its compensation must retract the contribution. An acknowledged
/// workflow is executed until the gateway says it started (a 409 means an earlier, unanswered try did).</item>
/// </list>
/// Only what the gateway acknowledged is recorded; the checks hold the cluster to exactly that.
/// </summary>
public sealed class MixedLoad(GatewayTraffic gateway, ChaosOptions options)
{
    public const string EndpointDomain = "chaos_sink";
    public const string EventType = "chaos.load";
    public const string ContributionDomain = "chaos_contributions";
    public const string WorkflowDomain = "chaos_workflows";
    public const string RollbackDomain = "chaos_rollbacks";

    private const int Publishers = 4;
    private const int Contributors = 2;
    // More runners than the rate needs: an execute whose workflow's silo dies can hang until the client's timeout.
    private const int WorkflowRunners = 4;
    private static readonly TimeSpan FailurePause = TimeSpan.FromMilliseconds(100);

    /// <summary>Event ids whose publish was answered 200.</summary>
    public ConcurrentDictionary<string, byte> AckedEvents { get; } = new(StringComparer.Ordinal);

    /// <summary>Contribution ids answered 200, with the token of their content.</summary>
    public ConcurrentDictionary<string, string> AckedContributions { get; } = new(StringComparer.Ordinal);

    /// <summary>Workflows whose create was answered 200.</summary>
    public ConcurrentQueue<LoadWorkflow> Workflows { get; } = new();

    /// <summary>Runs until <paramref name="loadEnd"/>; a workflow created by then is still executed until the gateway takes it
    /// or <paramref name="giveUp"/>.</summary>
    public Task RunAsync(CancellationToken loadEnd, CancellationToken giveUp) => Task.WhenAll(
        [
            .. Workers(Publishers, options.PublishesPerSecond, w => PublishAsync(w, loadEnd, giveUp), loadEnd),
            .. Workers(Contributors, options.ContributionsPerSecond, w => ContributeAsync(w, giveUp), loadEnd),
            .. Workers(WorkflowRunners, options.WorkflowsPerSecond, w => RunWorkflowAsync(w, loadEnd, giveUp), loadEnd),
        ]);

    /// <summary><paramref name="count"/> workers sharing <paramref name="perSecond"/>: each does one operation per tick of its
    /// own timer (back to back when an operation takes longer) until the load ends.</summary>
    private static IEnumerable<Task> Workers(int count, int perSecond, Func<int, Task> operation, CancellationToken loadEnd) =>
        perSecond <= 0 ? [] : Enumerable.Range(0, count).Select(worker => Task.Run(async () =>
        {
            using var timer = new PeriodicTimer(TimeSpan.FromSeconds((double)count / perSecond));
            try
            {
                while (await timer.WaitForNextTickAsync(loadEnd)) { await operation(worker); }
            }
            catch (OperationCanceledException) when (loadEnd.IsCancellationRequested)
            {
                // the load is over
            }
        }, CancellationToken.None));

    private int _sequence, _workflowsTried;

    private string NextId(string kind, int worker) =>
        string.Create(CultureInfo.InvariantCulture, $"{kind}-{worker}-{Interlocked.Increment(ref _sequence)}");

    private async Task PublishAsync(int worker, CancellationToken loadEnd, CancellationToken giveUp)
    {
        var id = NextId("ev", worker);
        var body = new { event_type = EventType, source_domain = "chaos_load", event_id = id, data = new { worker } };
        while (!loadEnd.IsCancellationRequested)
        {
            if ((await gateway.PostAsync("/domains/events/publish", body, giveUp)).Ok)
            {
                AckedEvents.TryAdd(id, 0);
                return;
            }
            await PauseAsync(loadEnd);
        }
    }

    private async Task ContributeAsync(int worker, CancellationToken giveUp)
    {
        var token = NextId("contribution", worker);
        var answer = await gateway.PostAsync("/domains/memory/contribute",
            new { domain_id = ContributionDomain, contribution_type = "chaos", content = new { token } }, giveUp);
        if (answer.Ok) { AckedContributions.TryAdd(answer.Text("contribution_id"), token); }
        else { await PauseAsync(giveUp); }
    }

    private async Task RunWorkflowAsync(int worker, CancellationToken loadEnd, CancellationToken giveUp)
    {
        var token = NextId("workflow", worker);
        var rollBack = Interlocked.Increment(ref _workflowsTried) % 4 == 0;
        var created = await gateway.PostAsync("/domains/workflows/create", Definition(token, rollBack), giveUp);
        if (!created.Ok)
        {
            await PauseAsync(loadEnd);
            return;
        }
        var workflow = new LoadWorkflow(created.Text("workflow_id"), token, rollBack);
        Workflows.Enqueue(workflow);
        // 200 (finished) and 202 (still running) say it started; a 409 says an earlier try that got no answer started it; any
        // other 4xx will not change by asking again (the checks find out what became of it).
        while (!giveUp.IsCancellationRequested)
        {
            var executed = await gateway.PostAsync($"/domains/workflows/execute/{workflow.WorkflowId}?wait_seconds=10", new { }, giveUp);
            if (executed.Status is >= 200 and < 500) { return; }
            await PauseAsync(giveUp);
        }
    }

    /// <summary>Step 1 stores a contribution carrying <paramref name="token"/>; step 2 publishes an event, or, to roll back, tries
    /// to publish one whose type is invalid (a space), which fails the step every time.</summary>
    private static object Definition(string token, bool rollBack) => new
    {
        name = rollBack ? "chaos_rollback" : "chaos_complete",
        steps = new object[]
        {
            new
            {
                domain_id = "memory", action = "contribute",
                data = new { domain_id = rollBack ? RollbackDomain : WorkflowDomain, contribution_type = "chaos", content = new { token } },
            },
            new
            {
                domain_id = "events", action = "publish", depends_on = new[] { "step_1" },
                data = new { event_type = rollBack ? "chaos.fails on purpose" : "chaos.workflow", data = new { token } },
            },
        },
    };

    private static Task PauseAsync(CancellationToken cancellationToken) =>
        Task.Delay(FailurePause, cancellationToken).ContinueWith(_ => { }, TaskScheduler.Default);
}
