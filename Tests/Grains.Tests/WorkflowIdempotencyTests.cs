using System.Text.Json;
using Microsoft.Extensions.DependencyInjection;
using Rayswarm.Grains.Interfaces;

namespace Rayswarm.Grains.Tests;

/// <summary>The built-in actions are idempotent by the step's key: retried after their answer was lost they store and
/// publish once, and a compensation whose action's output is unknown undoes exactly what the action did. The "chaos" domain
/// forwards to them and loses their answers.</summary>
public sealed class WorkflowIdempotencyTests
{
    private static Task<BuiltInSilo> StartAsync(TimeSpan? window = null) => BuiltInSilo.StartAsync(services =>
    {
        services.AddDomainWorker<ChaosDomainGrain>("chaos");
        if (window is { } w) { services.AddWorkflows(o => o.InfrastructureRetryWindow = w); }
    });

    private static WorkflowStepRequest Step(string domain, string action, object data, params string[] dependsOn) =>
        new(domain, action, JsonSerializer.SerializeToElement(data), dependsOn.Length == 0 ? null : dependsOn);

    private static async Task<WorkflowInfo> RunAsync(BuiltInSilo silo, ChaosScript script, params WorkflowStepRequest[] steps)
    {
        var created = await silo.Workflows.Create(new CreateWorkflowRequest("idempotent", steps));
        ChaosDomainGrain.Scripts[created.WorkflowId] = script;
        return await silo.Workflows.Execute(created.WorkflowId, 30).Within(40_000);
    }

    private static async Task<DomainEvent[]> HistoryAsync(BuiltInSilo silo, string eventType) =>
        [.. (await silo.Bus.GetHistory(new EventHistoryQuery(EventType: eventType, Limit: 1000))).Events];

    [Fact]
    public async Task A_contribute_retried_after_its_answer_was_lost_stores_and_announces_once()
    {
        await using var silo = await StartAsync();
        var script = new ChaosScript { ExecuteAnswersLost = 2 };

        var done = await RunAsync(silo, script,
            Step("chaos", "contribute", new { contribution_type = "runbook", content = new { issue = "flaky_gearbox" } }));

        Assert.Equal(WorkflowStatus.Completed, done.Status);
        Assert.Equal(3, script.Count("execute"));
        var id = done.Steps[0].Output!.Value.GetProperty("contribution_id").GetString()!;
        Assert.All(script.LostOutputs, lost => Assert.Equal(id, lost.GetProperty("contribution_id").GetString()));
        var found = await silo.Memory.Query(new MemoryQuery("flaky gearbox"));
        Assert.Equal([id], found.Results.Select(r => r.Contribution.ContributionId));
        Assert.Equal(1, (await silo.Memory.GetStats()).TotalContributions);
        await Eventually.True(async () => (await HistoryAsync(silo, MemoryEvents.Contributed)).Length > 0, "memory.contributed is announced");
        var announced = Assert.Single(await HistoryAsync(silo, MemoryEvents.Contributed));
        Assert.Equal(id, announced.Data.GetProperty("contribution_id").GetString());
    }

    [Fact]
    public async Task A_publish_retried_after_its_answer_was_lost_publishes_once()
    {
        await using var silo = await StartAsync();
        var script = new ChaosScript { ExecuteAnswersLost = 2 };

        var done = await RunAsync(silo, script, Step("chaos", "publish", new { event_type = "chaos.published", data = new { n = 1 } }));

        Assert.Equal(WorkflowStatus.Completed, done.Status);
        Assert.Equal(3, script.Count("execute"));
        var stored = Assert.Single(await HistoryAsync(silo, "chaos.published"));
        Assert.Equal($"{done.WorkflowId}.step_1", stored.EventId);
        Assert.Equal(stored.EventId, done.Steps[0].Output!.Value.GetProperty("event_id").GetString());
    }

    [Fact]
    public async Task A_compensation_after_a_lost_action_output_retracts_exactly_the_contribution_the_action_stored()
    {
        await using var silo = await StartAsync(window: TimeSpan.FromMilliseconds(500));
        var other = await silo.Memory.Contribute(new ContributeRequest("ops_domain", "runbook",
            JsonSerializer.SerializeToElement(new { issue = "lost_widget", note = "not the workflow's" })));
        var script = new ChaosScript { ExecuteAnswersLost = int.MaxValue };

        var done = await RunAsync(silo, script,
            Step("chaos", "contribute", new { domain_id = "ops_domain", contribution_type = "runbook", content = new { issue = "lost_widget" } }));

        Assert.Equal(WorkflowStatus.RolledBack, done.Status);
        Assert.Equal(WorkflowStepStatus.Compensated, done.Steps[0].Status);
        Assert.Equal(JsonValueKind.Null, done.Steps[0].Output?.ValueKind ?? JsonValueKind.Null);
        var stored = script.LostOutputs.Select(o => o.GetProperty("contribution_id").GetString()).Distinct().ToArray();
        var id = Assert.Single(stored); // every run of the action stored the same contribution
        Assert.NotEqual(other.ContributionId, id);
        await Assert.ThrowsAsync<KeyNotFoundException>(() => silo.Memory.Get(id!));
        Assert.Equal([other.ContributionId], (await silo.Memory.Query(new MemoryQuery("lost widget"))).Results.Select(r => r.Contribution.ContributionId));
        await Eventually.True(async () => (await HistoryAsync(silo, MemoryEvents.Retracted)).Length > 0, "memory.retracted is announced");
        Assert.Equal(id, Assert.Single(await HistoryAsync(silo, MemoryEvents.Retracted)).Data.GetProperty("contribution_id").GetString());
    }

    [Fact]
    public async Task Compensating_a_contribute_that_stored_nothing_or_was_already_retracted_succeeds()
    {
        await using var silo = await StartAsync();
        var memory = await silo.WorkerAsync("memory");
        const string workflowId = "wf_00000000000000000000000000000001";
        var input = JsonSerializer.SerializeToElement(new
        {
            data = new { contribution_type = "note", content = new { text = "twice undone" } }, dependencies = new { }, workflow_id = workflowId,
            step_id = "step_1", idempotency_key = IdempotencyKeys.Compensation(workflowId, "step_1"),
            action_idempotency_key = IdempotencyKeys.Action(workflowId, "step_1"),
        });
        var unknown = JsonSerializer.SerializeToElement<object?>(null);

        await memory.Compensate("contribute", input, unknown); // never stored
        var contributed = await memory.Execute("contribute", JsonSerializer.SerializeToElement(new
        {
            data = new { contribution_type = "note", content = new { text = "twice undone" } }, dependencies = new { }, workflow_id = workflowId,
            step_id = "step_1", idempotency_key = IdempotencyKeys.Action(workflowId, "step_1"),
        }));
        await memory.Compensate("contribute", input, unknown);
        await memory.Compensate("contribute", input, contributed); // already retracted

        await Assert.ThrowsAsync<KeyNotFoundException>(() => silo.Memory.Get(contributed.GetProperty("contribution_id").GetString()!));
        Assert.Equal(0, (await silo.Memory.GetStats()).TotalContributions);
    }
}
