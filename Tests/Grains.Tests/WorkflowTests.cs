using System.Text.Json;
using Rayswarm.Grains.Interfaces;

namespace Rayswarm.Grains.Tests;

/// <summary>Workflows in a real silo with hosted test domains: completion, rollback, parallel branches, execution rules.</summary>
public sealed class WorkflowTests : IAsyncLifetime
{
    private WorkflowSilo _silo = null!;

    public async Task InitializeAsync() => _silo = await WorkflowSilo.StartAsync();

    public async Task DisposeAsync() => await _silo.DisposeAsync();

    internal static WorkflowStepRequest Step(string domain, string action, string tag, params string[] dependsOn) =>
        new(domain, action, JsonSerializer.SerializeToElement(new { tag }), dependsOn.Length == 0 ? null : dependsOn);

    internal static WorkflowStepRequest Step(string domain, string action, object data, params string[] dependsOn) =>
        new(domain, action, JsonSerializer.SerializeToElement(data), dependsOn.Length == 0 ? null : dependsOn);

    private async Task<WorkflowInfo> RunAsync(params WorkflowStepRequest[] steps)
    {
        var created = await _silo.Workflows.Create(new CreateWorkflowRequest("test", steps));
        return await _silo.Workflows.Execute(created.WorkflowId, 20).Within(30_000);
    }

    private static string[] LogOf(WorkflowInfo workflow) =>
        TestDomainGrain.Log.TryGetValue(workflow.WorkflowId, out var log) ? [.. log] : [];

    private static string Tag(JsonElement? output) => output!.Value.GetProperty("tag").GetString()!;

    [Fact]
    public async Task A_workflow_completes_and_each_step_sees_its_dependencies_outputs()
    {
        var done = await RunAsync(
            Step("alpha", "echo", "A"),
            Step("beta", "echo", "B", "step_1"),
            Step("gamma", "echo", "C", "step_1", "step_2"));

        Assert.Equal(WorkflowStatus.Completed, done.Status);
        Assert.Null(done.Error);
        Assert.NotNull(done.StartedAt);
        Assert.NotNull(done.FinishedAt);
        Assert.All(done.Steps, s => Assert.Equal(WorkflowStepStatus.Completed, s.Status));
        Assert.Equal(["step_1", "step_2", "step_3"], done.Steps.Select(s => s.StepId));
        var third = done.Steps[2].Output!.Value;
        Assert.Equal("gamma", third.GetProperty("domain").GetString());
        Assert.Equal("A", third.GetProperty("seen").GetProperty("step_1").GetProperty("tag").GetString());
        Assert.Equal("B", third.GetProperty("seen").GetProperty("step_2").GetProperty("tag").GetString());
        Assert.Equal("A", done.Steps[1].Output!.Value.GetProperty("seen").GetProperty("step_1").GetProperty("tag").GetString());
        Assert.Equal(JsonValueKind.Object, done.Steps[0].Output!.Value.GetProperty("seen").ValueKind);
        Assert.Equal(["execute:A", "execute:B", "execute:C"], LogOf(done));
        Assert.Equal(
            ["created", "started", "step_started", "step_completed", "step_started", "step_completed", "step_started", "step_completed", "completed"],
            done.Audit.Select(e => e.Type));
        Assert.Equal(JsonSerializer.Serialize(done), JsonSerializer.Serialize(await _silo.Workflows.Get(done.WorkflowId)));
    }

    [Fact]
    public async Task A_failed_step_rolls_back_completed_steps_in_reverse_completion_order()
    {
        // step_2 completes after step_3 (it sleeps), so completion order is A, C, B and compensation B, C, A.
        var done = await RunAsync(
            Step("alpha", "echo", "A"),
            Step("beta", "sleep", new { tag = "B", ms = 300 }, "step_1"),
            Step("gamma", "echo", "C", "step_1"),
            Step("alpha", "fail", "D", "step_2", "step_3"));

        Assert.Equal(WorkflowStatus.RolledBack, done.Status);
        Assert.Equal("step 'step_4' (alpha.fail) failed: D failed on purpose", done.Error);
        Assert.Equal(["compensated", "compensated", "compensated", "failed"], done.Steps.Select(s => s.Status));
        var log = LogOf(done);
        Assert.Equal(["compensate:B", "compensate:C", "compensate:A"], log.Where(l => l.StartsWith("compensate:", StringComparison.Ordinal)));
        Assert.Equal("execute:D", log[3]);
        Assert.Equal(["step_2", "step_3", "step_1"],
            done.Audit.Where(e => e.Type == WorkflowAuditTypes.Compensated).Select(e => e.StepId));
        Assert.Equal(WorkflowAuditTypes.RolledBack, done.Audit[^1].Type);
    }

    [Fact]
    public async Task Steps_that_depend_on_the_same_step_run_concurrently()
    {
        var barrier = Guid.NewGuid().ToString("N");
        var done = await RunAsync(
            Step("alpha", "echo", "A"),
            Step("beta", "meet", new { tag = "B", barrier, parties = 2 }, "step_1"),
            Step("gamma", "meet", new { tag = "C", barrier, parties = 2 }, "step_1"));

        Assert.True(done.Status == WorkflowStatus.Completed, done.Error);
        Assert.Equal("execute:A", LogOf(done)[0]);
    }

    [Fact]
    public async Task Executions_waiting_for_their_workflows_do_not_queue_behind_each_other()
    {
        // Each workflow's only step waits until all of them reached the barrier: they must all be executing at once.
        const int count = 8;
        var barrier = Guid.NewGuid().ToString("N");
        var created = await Task.WhenAll(Enumerable.Range(0, count).Select(i => _silo.Workflows.Create(
            new CreateWorkflowRequest("concurrent", [Step("alpha", "meet", new { tag = $"T{i}", barrier, parties = count })]))));

        var done = await Task.WhenAll(created.Select(w => _silo.Workflows.Execute(w.WorkflowId, 20))).Within(30_000);

        Assert.All(done, w => Assert.True(w.Status == WorkflowStatus.Completed, w.Error));
    }

    [Fact]
    public async Task A_step_that_depends_on_nothing_runs_first_and_later_steps_wait_for_all_their_dependencies()
    {
        var barrier = Guid.NewGuid().ToString("N");
        var done = await RunAsync(
            Step("alpha", "meet", new { tag = "A", barrier, parties = 2 }),
            Step("beta", "meet", new { tag = "B", barrier, parties = 2 }),
            Step("gamma", "echo", "C", "step_1", "step_2"));

        Assert.True(done.Status == WorkflowStatus.Completed, done.Error);
        Assert.Equal("execute:C", LogOf(done)[2]);
    }

    [Fact]
    public async Task A_step_that_takes_longer_than_its_timeout_fails_the_workflow()
    {
        var done = await RunAsync(
            Step("alpha", "echo", "A"),
            Step("beta", "sleep", new { tag = "B", ms = 5000 }, "step_1") with { TimeoutSeconds = 1 });

        Assert.Equal(WorkflowStatus.RolledBack, done.Status);
        Assert.Equal("timed out after 1 s.", done.Steps[1].Error);
        Assert.Equal("step 'step_2' (beta.sleep) failed: timed out after 1 s.", done.Error);
        Assert.Equal(WorkflowStepStatus.Compensated, done.Steps[0].Status);
    }

    [Fact]
    public async Task A_compensation_that_fails_ends_the_workflow_failed_naming_it()
    {
        var done = await RunAsync(
            Step("alpha", "echo", "A"),
            Step("beta", "undo_fails", "B", "step_1"),
            Step("gamma", "fail", "C", "step_2"));

        Assert.Equal(WorkflowStatus.Failed, done.Status);
        Assert.Contains("compensation of step 'step_2' (beta.undo_fails) failed: cannot undo", done.Error);
        Assert.StartsWith("step 'step_3' (gamma.fail) failed", done.Error);
        Assert.Equal(["compensated", "compensation_failed", "failed"], done.Steps.Select(s => s.Status));
        // The other completed step is still undone.
        Assert.Equal(["compensate:B", "compensate:B", "compensate:B", "compensate:A"], LogOf(done).Where(l => l.StartsWith("compensate:", StringComparison.Ordinal)));
        Assert.Equal(WorkflowAuditTypes.Failed, done.Audit[^1].Type);
    }

    [Fact]
    public async Task Steps_of_unknown_domains_are_accepted_at_create_and_fail_when_they_run()
    {
        // The design's curl example: neither domain exists here.
        var created = await _silo.Workflows.Create(new CreateWorkflowRequest("analyze_code",
        [
            new WorkflowStepRequest("memory_domain", "search", JsonSerializer.SerializeToElement(new { })),
            new WorkflowStepRequest("ai_domain", "analyze", JsonSerializer.SerializeToElement(new { }), ["step_1"]),
        ]));
        Assert.Matches("^wf_[0-9a-f]{32}$", created.WorkflowId);
        Assert.Equal(WorkflowStatus.Created, created.Status);

        var done = await _silo.Workflows.Execute(created.WorkflowId, 20);

        Assert.Equal(WorkflowStatus.RolledBack, done.Status);
        Assert.Equal("domain 'memory_domain' is neither hosted in the cluster nor registered.", done.Steps[0].Error);
        Assert.Equal(WorkflowStepStatus.Skipped, done.Steps[1].Status);
    }

    [Fact]
    public async Task Executing_twice_is_a_conflict_and_unknown_workflows_are_not_found()
    {
        var created = await _silo.Workflows.Create(new CreateWorkflowRequest("once", [Step("alpha", "echo", "A")]));
        await _silo.Workflows.Execute(created.WorkflowId, 20);

        var again = await Assert.ThrowsAsync<ConflictException>(() => _silo.Workflows.Execute(created.WorkflowId, 0));
        Assert.Contains("already completed", again.Message);
        await Assert.ThrowsAsync<KeyNotFoundException>(() => _silo.Workflows.Execute("wf_missing", 0));
        await Assert.ThrowsAsync<KeyNotFoundException>(() => _silo.Workflows.Get("wf_missing"));
        await Assert.ThrowsAsync<KeyNotFoundException>(() => _silo.Workflows.Verify("wf_missing"));
    }

    [Fact]
    public async Task Get_and_verify_answer_while_a_step_runs_and_execute_without_waiting_returns_running()
    {
        var created = await _silo.Workflows.Create(new CreateWorkflowRequest("slow", [Step("alpha", "sleep", new { tag = "A", ms = 1500 })]));

        var started = await _silo.Workflows.Execute(created.WorkflowId, 0);
        var during = await _silo.Workflows.Get(created.WorkflowId).Within(1000);
        var verified = await _silo.Workflows.Verify(created.WorkflowId).Within(1000);

        Assert.Equal(WorkflowStatus.Running, started.Status);
        Assert.Equal(WorkflowStatus.Running, during.Status);
        Assert.Equal(WorkflowStepStatus.Running, during.Steps[0].Status);
        Assert.True(verified.Valid, string.Join("; ", verified.Problems));
        await Assert.ThrowsAsync<ConflictException>(() => _silo.Workflows.Execute(created.WorkflowId, 0));
        await Eventually.True(async () => (await _silo.Workflows.Get(created.WorkflowId)).Status == WorkflowStatus.Completed, "the workflow completes");
    }

    [Fact]
    public async Task List_filters_by_status_pages_newest_first_and_stats_count_everything()
    {
        var ok = await RunAsync(Step("alpha", "echo", "A"));
        var rolled = await RunAsync(Step("alpha", "echo", "A"), Step("beta", "fail", "B", "step_1"));
        var waiting = await _silo.Workflows.Create(new CreateWorkflowRequest("later", [Step("alpha", "echo", "A")]));

        var all = await _silo.Workflows.List(null, null, null);
        var completed = await _silo.Workflows.List(WorkflowStatus.Completed, null, null);
        var second = await _silo.Workflows.List(null, 1, 1);
        var stats = await _silo.Workflows.GetStats();

        Assert.Equal([waiting.WorkflowId, rolled.WorkflowId, ok.WorkflowId], all.Workflows.Select(w => w.WorkflowId));
        Assert.Equal(3, all.Total);
        Assert.Equal([ok.WorkflowId], completed.Workflows.Select(w => w.WorkflowId));
        Assert.Equal(1, completed.Total);
        Assert.Equal([rolled.WorkflowId], second.Workflows.Select(w => w.WorkflowId));
        Assert.Equal(3, second.Total);
        Assert.Equal(WorkflowStatus.RolledBack, all.Workflows[1].Status);
        Assert.Equal(1, all.Workflows[1].Compensations);
        Assert.Equal(3, stats.TotalWorkflows);
        Assert.Equal(1, stats.ByStatus[WorkflowStatus.Completed]);
        Assert.Equal(1, stats.ByStatus[WorkflowStatus.RolledBack]);
        Assert.Equal(1, stats.ByStatus[WorkflowStatus.Created]);
        Assert.Equal(0, stats.ByStatus[WorkflowStatus.Failed]);
        Assert.Equal(2, stats.StepsCompleted);
        Assert.Equal(1, stats.Compensations);
        Assert.Equal(0, stats.ActiveWorkflows);
        Assert.True(stats.AverageDurationMs > 0);
        Assert.Equal(1, stats.Partitions);
    }

    [Fact]
    public async Task Concurrent_status_changes_are_all_kept_in_the_index()
    {
        var created = await Task.WhenAll(Enumerable.Range(0, 64).Select(_ =>
            _silo.Workflows.Create(new CreateWorkflowRequest("many", [Step("alpha", "echo", "A")]))));
        await Task.WhenAll(created.Select(w => _silo.Workflows.Execute(w.WorkflowId, 20)));

        var completed = await _silo.Workflows.List(WorkflowStatus.Completed, 1000, null);

        Assert.Equal(created.Select(w => w.WorkflowId).Order(), completed.Workflows.Select(w => w.WorkflowId).Order());
        Assert.Equal(64, (await _silo.Workflows.GetStats()).ByStatus[WorkflowStatus.Completed]);
    }

    [Theory]
    [InlineData("bogus", null, null, "status")]
    [InlineData(null, 0, null, "limit")]
    [InlineData(null, 1001, null, "limit")]
    [InlineData(null, null, -1, "offset")]
    public async Task Invalid_list_parameters_are_refused_naming_them(string? status, int? limit, int? offset, string field)
    {
        var error = await Assert.ThrowsAsync<ArgumentException>(() => _silo.Workflows.List(status, limit, offset));
        Assert.StartsWith(field, error.Message);
    }
}
