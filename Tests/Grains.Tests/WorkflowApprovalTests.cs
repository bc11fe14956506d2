using System.Text.Json;
using Rayswarm.Grains.Interfaces;

namespace Rayswarm.Grains.Tests;

/// <summary>Approval steps in a real silo: a waiting workflow lets its activation go, the decision wakes it, and the wait
/// survives a restart of the silo on the same SQLite file (state, reminders, reviews).</summary>
public sealed class WorkflowApprovalTests : IAsyncLifetime
{
    private static readonly Principal Alice = new("alice", ["expert:alpha"]);
    private readonly string _dataDir = Directory.CreateTempSubdirectory("rayswarm-approval-").FullName;

    public Task InitializeAsync() => Task.CompletedTask;

    public Task DisposeAsync()
    {
        Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
        Directory.Delete(_dataDir, recursive: true);
        return Task.CompletedTask;
    }

    private static WorkflowStepRequest[] Steps(string? timeout = null) =>
    [
        WorkflowTests.Step("alpha", "echo", "A"),
        new("alpha", "", DependsOn: ["step_1"], Type: ApprovalSteps.Type, Prompt: "go on?", Timeout: timeout),
        WorkflowTests.Step("beta", "echo", "B", "step_2"),
    ];

    private static async Task<WorkflowInfo> WaitingAsync(DomainSilo silo, string? timeout = null)
    {
        var created = await silo.Workflows.Create(new CreateWorkflowRequest("approve me", Steps(timeout)));
        await silo.Workflows.Execute(created.WorkflowId, 0);
        WorkflowInfo workflow = created;
        await Eventually.True(async () =>
        {
            workflow = await silo.Workflows.Get(created.WorkflowId);
            return workflow.Steps[1].Status == WorkflowStepStatus.Waiting;
        }, "the approval step waits");
        return workflow;
    }

    private static async Task<WorkflowInfo> FinishedAsync(DomainSilo silo, string workflowId)
    {
        WorkflowInfo workflow = null!;
        await Eventually.True(async () =>
        {
            workflow = await silo.Workflows.Get(workflowId);
            return WorkflowStatus.IsTerminal(workflow.Status);
        }, $"workflow {workflowId} finishes", 60_000);
        return workflow;
    }

    private static async Task<bool> IsActiveAsync(DomainSilo silo, string workflowId)
    {
        var management = silo.Grains.GetGrain<IManagementGrain>(0);
        var active = await management.GetActiveGrains(GrainType.Create("workflow"));
        return active.Contains(GrainId.Create("workflow", workflowId));
    }

    [Fact]
    public async Task A_reader_that_sees_a_step_waiting_finds_its_review()
    {
        await using var silo = await WorkflowSilo.StartAsync(_dataDir);
        var reviews = silo.Grains.GetGrain<IReviewsGrain>(IReviewsGrain.Key);
        // Readers poll while the workflows make their transitions: a read in the middle of one would see the step waiting
        // before its review is written.
        var ids = new List<string>();
        for (var i = 0; i < 24; i++)
        {
            var created = await silo.Workflows.Create(new CreateWorkflowRequest($"read while approving {i}", Steps()));
            ids.Add(created.WorkflowId);
        }
        await Task.WhenAll(ids.Select(async id =>
        {
            var execute = silo.Workflows.Execute(id, 0);
            var deadline = DateTime.UtcNow + TimeSpan.FromSeconds(60);
            while (true)
            {
                var workflow = await silo.Workflows.Get(id);
                if (workflow.Steps[1] is { Status: WorkflowStepStatus.Waiting, ReviewId: { } reviewId })
                {
                    Assert.Equal(ReviewStatus.Pending, (await reviews.Get(reviewId)).Status);
                    break;
                }
                Assert.True(DateTime.UtcNow < deadline, $"workflow {id} waits for its approval within 60 s");
            }
            await execute;
        }));
    }

    [Fact]
    public async Task A_waiting_workflow_holds_no_activation_and_the_decision_wakes_it()
    {
        await using var silo = await WorkflowSilo.StartAsync(_dataDir);
        var waiting = await WaitingAsync(silo);
        Assert.Equal(WorkflowStatus.Running, waiting.Status);
        Assert.Equal(WorkflowStepStatus.Pending, waiting.Steps[2].Status);

        // Get() activated it again; once idle it parks and goes.
        await Eventually.True(async () => !await IsActiveAsync(silo, waiting.WorkflowId), "the waiting workflow is deactivated");

        Caller.Set(Alice);
        var decided = await silo.Grains.GetGrain<IReviewsGrain>(IReviewsGrain.Key).Decide(waiting.Steps[1].ReviewId!, ReviewDecision.Approve, new("ok"));
        Assert.Equal("alice", decided.DecidedBy);

        var done = await FinishedAsync(silo, waiting.WorkflowId);
        Assert.Equal(WorkflowStatus.Completed, done.Status);
        Assert.Equal(
            ["created", "started", "step_started", "step_completed", "approval_requested", "approved", "step_completed", "step_started", "step_completed", "completed"],
            done.Audit.Select(e => e.Type));
        Assert.Equal("alice", done.Steps[2].Output!.Value.GetProperty("seen").GetProperty("step_2").GetProperty("decided_by").GetString());
        Assert.True((await silo.Workflows.Verify(done.WorkflowId)).Valid);
    }

    [Fact]
    public async Task A_workflow_waiting_across_a_silo_restart_is_approved_after_it()
    {
        WorkflowInfo waiting;
        await using (var first = await WorkflowSilo.StartAsync(_dataDir))
        {
            waiting = await WaitingAsync(first);
        }

        await using var second = await WorkflowSilo.StartAsync(_dataDir);
        var review = await second.Grains.GetGrain<IReviewsGrain>(IReviewsGrain.Key).Get(waiting.Steps[1].ReviewId!);
        Assert.Equal(ReviewStatus.Pending, review.Status);
        Caller.Set(Alice);
        await second.Grains.GetGrain<IReviewsGrain>(IReviewsGrain.Key).Decide(review.ReviewId, ReviewDecision.Approve, new());

        var done = await FinishedAsync(second, waiting.WorkflowId);
        Assert.Equal(WorkflowStatus.Completed, done.Status);
        Assert.Equal(WorkflowStepStatus.Completed, done.Steps[2].Status);
        Assert.True((await second.Workflows.Verify(done.WorkflowId)).Valid);
    }

    [Fact]
    public async Task A_timeout_that_falls_while_the_silo_is_down_is_applied_by_the_reminder_after_the_restart()
    {
        WorkflowInfo waiting;
        await using (var first = await WorkflowSilo.StartAsync(_dataDir))
        {
            waiting = await WaitingAsync(first, timeout: "PT3S");
        }
        await Eventually.True(() => DateTimeOffset.UtcNow > waiting.Steps[1].DeadlineAt, "the deadline passes while the silo is down");

        await using var second = await WorkflowSilo.StartAsync(_dataDir);
        var done = await FinishedAsync(second, waiting.WorkflowId);

        Assert.Equal(WorkflowStatus.RolledBack, done.Status);
        Assert.Equal(WorkflowStepStatus.Compensated, done.Steps[0].Status);
        Assert.Equal("system", done.Audit.Single(e => e.Type == WorkflowAuditTypes.ApprovalTimedOut).Actor);
        var review = await second.Grains.GetGrain<IReviewsGrain>(IReviewsGrain.Key).Get(waiting.Steps[1].ReviewId!);
        Assert.Equal(ReviewStatus.TimedOut, review.Status);
        Assert.Contains("compensate:A", TestDomainGrain.Log[waiting.WorkflowId]);
    }

    [Fact]
    public async Task A_failure_in_a_parallel_branch_cancels_the_waiting_review()
    {
        await using var silo = await WorkflowSilo.StartAsync(_dataDir);
        var created = await silo.Workflows.Create(new CreateWorkflowRequest("parallel",
        [
            new("alpha", "", Type: ApprovalSteps.Type),
            new("beta", "sleep", JsonSerializer.SerializeToElement(new { tag = "S", ms = 300 })),
            WorkflowTests.Step("gamma", "fail", "F", "step_2"),
        ]));
        var done = await silo.Workflows.Execute(created.WorkflowId, 30);

        Assert.Equal(WorkflowStatus.RolledBack, done.Status);
        Assert.Equal(WorkflowStepStatus.Skipped, done.Steps[0].Status);
        var reviewId = done.Steps[0].ReviewId!;
        await Eventually.True(async () =>
            (await silo.Grains.GetGrain<IReviewsGrain>(IReviewsGrain.Key).Get(reviewId)).Status == ReviewStatus.Cancelled, "the review is cancelled");
        await Assert.ThrowsAsync<ConflictException>(() =>
            silo.Grains.GetGrain<IReviewsGrain>(IReviewsGrain.Key).Decide(reviewId, ReviewDecision.Approve, new()));
    }
}
