using Microsoft.Extensions.DependencyInjection;
using Rayswarm.Grains.Interfaces;

namespace Rayswarm.Grains.Tests;

/// <summary>Infrastructure failures of actions and compensations (a silo dying, the cluster unavailable) are retried with
/// back-off and are not attempts; domain failures are, and only they end a workflow failed. The "chaos" domain injects them.</summary>
public sealed class WorkflowRetryTests
{
    private static Task<WorkflowSilo> StartAsync(Action<WorkflowOptions>? options = null, TimeSpan? reminderPeriod = null) =>
        WorkflowSilo.StartAsync(services: services =>
        {
            services.AddDomainWorker<ChaosDomainGrain>("chaos");
            services.AddWorkflows(o =>
            {
                o.CompensationRetryDelay = TimeSpan.FromMilliseconds(50);
                options?.Invoke(o);
            });
            if (reminderPeriod is { } period) { services.Configure<ReminderOptions>(o => o.MinimumReminderPeriod = period); }
        });

    private static async Task<(WorkflowInfo Created, ChaosScript Script)> CreateAsync(WorkflowSilo silo, ChaosScript script, params WorkflowStepRequest[] steps)
    {
        var created = await silo.Workflows.Create(new CreateWorkflowRequest("chaos", steps));
        ChaosDomainGrain.Scripts[created.WorkflowId] = script;
        return (created, script);
    }

    [Fact]
    public async Task A_compensation_that_meets_infrastructure_failures_is_retried_until_it_succeeds_and_the_workflow_rolls_back()
    {
        await using var silo = await StartAsync();
        // More infrastructure failures than compensation attempts (3): they must not count.
        var (created, script) = await CreateAsync(silo, new ChaosScript { CompensateFailuresBefore = 5 },
            WorkflowTests.Step("chaos", "record", "R"),
            WorkflowTests.Step("alpha", "fail", "F", "step_1"));

        var done = await silo.Workflows.Execute(created.WorkflowId, 20).Within(30_000);

        Assert.Equal(WorkflowStatus.RolledBack, done.Status);
        Assert.Equal([WorkflowStepStatus.Compensated, WorkflowStepStatus.Failed], done.Steps.Select(s => s.Status));
        Assert.Equal("step 'step_2' (alpha.fail) failed: F failed on purpose", done.Error);
        Assert.Equal(6, script.Count("compensate"));
        Assert.All(script.Calls.Where(c => c.Kind == "compensate"), c => Assert.Equal(
            (IdempotencyKeys.Compensation(created.WorkflowId, "step_1"), IdempotencyKeys.Action(created.WorkflowId, "step_1")), (c.Key, c.ActionKey)));
        Assert.Equal(1, done.Audit.Count(e => e.Type == WorkflowAuditTypes.CompensationStarted));
        Assert.DoesNotContain(done.Audit, e => e.Type == WorkflowAuditTypes.CompensationFailed);
    }

    [Fact]
    public async Task A_compensation_that_fails_for_a_domain_reason_uses_its_attempts_and_ends_the_workflow_failed()
    {
        await using var silo = await StartAsync();
        var (created, script) = await CreateAsync(silo, new ChaosScript { CompensateFailuresBefore = 2, CompensateDomainFailures = int.MaxValue },
            WorkflowTests.Step("chaos", "record", "R"),
            WorkflowTests.Step("alpha", "fail", "F", "step_1"));

        var done = await silo.Workflows.Execute(created.WorkflowId, 20).Within(30_000);

        Assert.Equal(WorkflowStatus.Failed, done.Status);
        Assert.Equal(WorkflowStepStatus.CompensationFailed, done.Steps[0].Status);
        Assert.Equal("cannot undo (attempt 3 of 3)", done.Steps[0].Error);
        Assert.EndsWith("compensation of step 'step_1' (chaos.record) failed: cannot undo (attempt 3 of 3)", done.Error);
        Assert.Equal(2 + 3, script.Count("compensate")); // two infrastructure failures, then three domain attempts
    }

    [Fact]
    public async Task An_action_that_meets_infrastructure_failures_is_retried_under_the_same_key_and_the_workflow_completes()
    {
        await using var silo = await StartAsync();
        var (created, script) = await CreateAsync(silo, new ChaosScript { ExecuteFailuresBefore = 3 },
            WorkflowTests.Step("chaos", "record", "R"),
            WorkflowTests.Step("alpha", "echo", "A", "step_1"));

        var done = await silo.Workflows.Execute(created.WorkflowId, 20).Within(30_000);

        Assert.Equal(WorkflowStatus.Completed, done.Status);
        Assert.True(done.Steps[0].Output!.Value.GetProperty("ok").GetBoolean());
        Assert.Equal(Enumerable.Repeat(IdempotencyKeys.Action(created.WorkflowId, "step_1"), 4),
            script.Calls.Where(c => c.Kind == "execute").Select(c => c.Key));
        Assert.Equal(1, done.Audit.Count(e => e.Type == WorkflowAuditTypes.StepStarted && e.StepId == "step_1"));
    }

    [Fact]
    public async Task An_action_failing_on_infrastructure_past_the_window_fails_its_step_and_is_compensated_as_its_outcome_is_unknown()
    {
        await using var silo = await StartAsync(o => o.InfrastructureRetryWindow = TimeSpan.FromMilliseconds(300));
        var (created, script) = await CreateAsync(silo, new ChaosScript { ExecuteAnswersLost = int.MaxValue },
            WorkflowTests.Step("alpha", "echo", "A"),
            WorkflowTests.Step("chaos", "record", "R", "step_1"));

        var done = await silo.Workflows.Execute(created.WorkflowId, 20).Within(30_000);

        Assert.Equal(WorkflowStatus.RolledBack, done.Status);
        Assert.Equal([WorkflowStepStatus.Compensated, WorkflowStepStatus.Compensated], done.Steps.Select(s => s.Status));
        Assert.Contains("an infrastructure failure, retried for", done.Steps[1].Error);
        Assert.True(script.Count("execute") >= 2, $"the action ran {script.Count("execute")} time(s)");
        var compensation = Assert.Single(script.Calls, c => c.Kind == "compensate");
        Assert.Equal(System.Text.Json.JsonValueKind.Null, compensation.Output.ValueKind); // its output is unknown
        // The step whose outcome is unknown is undone first, then the completed one.
        Assert.Equal(["step_2", "step_1"], done.Audit.Where(e => e.Type == WorkflowAuditTypes.Compensated).Select(e => e.StepId));
    }

    [Fact]
    public async Task A_compensation_still_meeting_infrastructure_failures_when_the_window_runs_out_stays_rolling_back_until_it_can_run()
    {
        var second = TimeSpan.FromSeconds(1);
        await using var silo = await StartAsync(o =>
        {
            o.InfrastructureRetryWindow = TimeSpan.FromMilliseconds(200);
            o.ResumePeriod = second;
        }, reminderPeriod: second);
        var (created, script) = await CreateAsync(silo, new ChaosScript { CompensationOutage = true },
            WorkflowTests.Step("chaos", "record", "R"),
            WorkflowTests.Step("alpha", "fail", "F", "step_1"));

        await silo.Workflows.Execute(created.WorkflowId, 0);
        // Put off, then started again by the resume reminder: twice, so it went through a whole resume cycle.
        await Eventually.True(async () => (await silo.Workflows.Get(created.WorkflowId)).Audit.Count(e =>
            e.Detail == "resumed: started again after infrastructure failures outlasted the retry window") >= 2, "the compensation is put off and resumed");
        var waiting = await silo.Workflows.Get(created.WorkflowId);
        Assert.Equal(WorkflowStatus.RollingBack, waiting.Status);
        Assert.Equal(WorkflowStepStatus.Compensating, waiting.Steps[0].Status);
        Assert.Null(waiting.FinishedAt);
        Assert.DoesNotContain(waiting.Audit, e => e.Type == WorkflowAuditTypes.CompensationFailed);

        script.CompensationOutage = false;
        await Eventually.True(async () => (await silo.Workflows.Get(created.WorkflowId)).Status == WorkflowStatus.RolledBack, "the workflow rolls back");

        var done = await silo.Workflows.Get(created.WorkflowId);
        Assert.Equal(WorkflowStepStatus.Compensated, done.Steps[0].Status);
        Assert.True((await silo.Workflows.Verify(created.WorkflowId)).Valid);
        await Eventually.True(async () => (await silo.Workflows.List(WorkflowStatus.RolledBack, null, null)).Workflows.Any(w => w.WorkflowId == created.WorkflowId),
            "the list shows it rolled back");
    }

    [Fact]
    public void The_infrastructure_retry_window_is_validated()
    {
        var negative = Assert.Throws<ArgumentOutOfRangeException>(() => new WorkflowOptions { InfrastructureRetryWindow = TimeSpan.FromSeconds(-1) }.Validate());
        var huge = Assert.Throws<ArgumentOutOfRangeException>(() => new WorkflowOptions { InfrastructureRetryWindow = TimeSpan.FromHours(1) }.Validate());

        Assert.Equal(nameof(WorkflowOptions.InfrastructureRetryWindow), negative.ParamName);
        Assert.Contains("WorkflowOptions.InfrastructureRetryWindow", huge.Message);
        Assert.Equal(TimeSpan.FromSeconds(30), new WorkflowOptions().InfrastructureRetryWindow);
        new WorkflowOptions { InfrastructureRetryWindow = TimeSpan.Zero }.Validate();
    }
}
