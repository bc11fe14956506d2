using System.Text.Json;
using Rayswarm.Grains.Interfaces;
using Xunit.Abstractions;

namespace Rayswarm.Cluster.Tests;

/// <summary>
/// Issue 14's durability: workflows parked at an approval step on real Silo processes on PostgreSQL, then every silo is
/// killed with SIGKILL and a new one started. The pending approval is still listed and approving it completes its workflow
/// (the approver in the signed audit); an approval whose timeout fell due while no silo ran is timed out after the restart
/// and its workflow compensated.
/// </summary>
[Trait("Category", "Slow")]
[Collection(SiloProcesses.Name)]
public sealed class ApprovalDurabilityTests(OwnSiloCluster cluster, ITestOutputHelper output)
    : SiloClusterTests<OwnSiloCluster>(cluster, output), IClassFixture<OwnSiloCluster>
{
    /// <summary>Long enough for both workflows to park and the silos to be killed on a loaded machine; the test checks that
    /// the deadline had not passed when they were killed.</summary>
    private const string ShortTimeout = "PT40S";

    [Fact]
    public async Task A_waiting_approval_survives_killing_every_silo_and_a_timeout_due_meanwhile_compensates_after_restart()
    {
        await Cluster.EnsureSilosAsync(2);
        await using var remote = await EndpointDomain.StartAsync();
        remote.Handler = (path, body) => Task.FromResult(path.EndsWith("/compensate", StringComparison.Ordinal)
            ? (200, "")
            : (200, JsonSerializer.Serialize(new { step = body.GetProperty("step_id").GetString() })));
        var domain = "durable_" + Guid.NewGuid().ToString("N")[..8];
        string approvedId, timedOutId, reviewId;
        DateTimeOffset deadline;
        await using (var client = await Cluster.ConnectAsync())
        {
            await client.GetGrain<IRegistryGrain>(IRegistryGrain.Key).Register(new DomainRegistration(domain, null, remote.Endpoint, ["test"])).Within();
            var workflows = client.GetGrain<IWorkflowsGrain>(IWorkflowsGrain.Key);
            approvedId = await StartWaitingAsync(workflows, domain, "PT1H");
            timedOutId = await StartWaitingAsync(workflows, domain, ShortTimeout);
            reviewId = (await workflows.Get(approvedId).Within()).Steps[1].ReviewId!;
            deadline = (await workflows.Get(timedOutId).Within()).Steps[1].DeadlineAt!.Value;
            var pending = await client.GetGrain<IReviewsGrain>(IReviewsGrain.Key).List(domain, ReviewStatus.Pending, null).Within();
            Assert.Equal(2, pending.Count);
        }

        var killed = Cluster.Live;
        foreach (var silo in killed)
        {
            Log($"SIGKILL to the silo on port {silo.SiloPort}");
            silo.Kill();
        }
        Assert.True(DateTimeOffset.UtcNow < deadline, $"the silos were killed after the approval's deadline {deadline:O}: the test proves nothing");
        foreach (var silo in killed) { Assert.Equal(137, await silo.WaitForExitAsync()); }
        Assert.Empty(Cluster.Live);
        // The second approval falls due while no silo runs; only then does a new one start.
        await Eventually.True(() => DateTimeOffset.UtcNow > deadline, "the approval's deadline passes with no silo running", 120_000);
        await Cluster.StartSilosAsync(1);
        Log("a new silo serves");

        await using var after = await Cluster.ConnectAsync();
        var reviews = after.GetGrain<IReviewsGrain>(IReviewsGrain.Key);
        var afterWorkflows = after.GetGrain<IWorkflowsGrain>(IWorkflowsGrain.Key);

        // The timed-out one is handled without a decision: timed out by the system, its completed step compensated.
        var rolledBack = await FinishedAsync(afterWorkflows, timedOutId);
        Assert.Equal(WorkflowStatus.RolledBack, rolledBack.Status);
        Assert.Equal(WorkflowStepStatus.Compensated, rolledBack.Steps[0].Status);
        Assert.Contains(rolledBack.Audit, e => e.Type == WorkflowAuditTypes.ApprovalTimedOut && e.StepId == "step_2");
        Assert.Contains(remote.Calls, c => c.Path == "/actions/prepare/compensate");
        Assert.True((await afterWorkflows.Verify(timedOutId).Within()).Valid);

        // The other still waits: listed as pending, and approving it completes the workflow.
        var listed = await reviews.List(domain, ReviewStatus.Pending, null).Within();
        Assert.Equal(reviewId, Assert.Single(listed.Reviews).ReviewId);
        Caller.Set(new Principal("dora", [PrincipalRoles.Expert(domain)]));
        var decided = await reviews.Decide(reviewId, ReviewDecision.Approve, new ReviewDecision("fine after the restart")).Within();
        Assert.Equal(ReviewStatus.Approved, decided.Status);
        Assert.Equal("dora", decided.DecidedBy);
        var completed = await FinishedAsync(afterWorkflows, approvedId);
        Assert.Equal(WorkflowStatus.Completed, completed.Status);
        var approval = Assert.Single(completed.Audit, e => e.Type == WorkflowAuditTypes.Approved);
        Assert.Equal("dora", approval.Actor);
        Assert.Equal("fine after the restart", approval.Detail);
        Assert.Equal(WorkflowStepStatus.Completed, completed.Steps[2].Status);
        var verification = await afterWorkflows.Verify(approvedId).Within();
        Assert.True(verification.Valid, string.Join("; ", verification.Problems));
    }

    /// <summary>Creates prepare → approval (of <paramref name="domain"/>, <paramref name="timeout"/>) → apply, runs it, and
    /// returns its id once the approval step waits.</summary>
    private static async Task<string> StartWaitingAsync(IWorkflowsGrain workflows, string domain, string timeout)
    {
        var created = await workflows.Create(new CreateWorkflowRequest("durable approval", [
            new WorkflowStepRequest(domain, "prepare"),
            new WorkflowStepRequest(domain, DependsOn: ["step_1"], Type: ApprovalSteps.Type, Prompt: "Apply?", Timeout: timeout),
            new WorkflowStepRequest(domain, "apply", DependsOn: ["step_2"]),
        ])).Within();
        await workflows.Execute(created.WorkflowId, 0).Within();
        await Eventually.True(async () => (await workflows.Get(created.WorkflowId)).Steps[1].Status == WorkflowStepStatus.Waiting,
            $"workflow {created.WorkflowId} waits for its approval", 60_000);
        return created.WorkflowId;
    }

    private static async Task<WorkflowInfo> FinishedAsync(IWorkflowsGrain workflows, string id)
    {
        WorkflowInfo? workflow = null;
        await Eventually.True(async () =>
        {
            // A call may be lost while the new silo settles: give up on it after 5 s and ask again.
            try { workflow = await workflows.Get(id).WaitAsync(TimeSpan.FromSeconds(5)); }
            catch (Exception e) when (e is not KeyNotFoundException) { return false; }
            return WorkflowStatus.IsTerminal(workflow.Status);
        }, $"workflow {id} finishes after the restart", 120_000);
        return workflow!;
    }
}
