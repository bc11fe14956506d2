using System.Text.Json;
using Rayswarm.Grains.Interfaces;

namespace Rayswarm.Grains.Tests;

/// <summary>The built-in memory and events domains in workflows, in a real silo on SQLite (as the embedded gateway).</summary>
public sealed class BuiltInDomainsTests : IAsyncLifetime
{
    private BuiltInSilo _silo = null!;

    public async Task InitializeAsync() => _silo = await BuiltInSilo.StartAsync();

    public async Task DisposeAsync() => await _silo.DisposeAsync();

    private static WorkflowStepRequest Step(string domain, string action, object data, params string[] dependsOn) =>
        new(domain, action, JsonSerializer.SerializeToElement(data), dependsOn.Length == 0 ? null : dependsOn);

    private async Task<WorkflowInfo> RunAsync(params WorkflowStepRequest[] steps)
    {
        var created = await _silo.Workflows.Create(new CreateWorkflowRequest("builtin", steps));
        return await _silo.Workflows.Execute(created.WorkflowId, 30).Within(40_000);
    }

    private async Task<DomainEvent[]> HistoryAsync(string eventType) =>
        [.. (await _silo.Bus.GetHistory(new EventHistoryQuery(EventType: eventType, Limit: 1000))).Events];

    private static JsonElement Input(object data, string workflowId = "wf_0123456789abcdef0123456789abcdef", string stepId = "step_1") =>
        JsonSerializer.SerializeToElement(new { data, dependencies = new { }, workflow_id = workflowId, step_id = stepId });

    [Fact]
    public async Task Contribute_then_search_and_publish_completes_and_the_search_finds_the_contribution()
    {
        var done = await RunAsync(
            Step("memory", "contribute", new { contribution_type = "runbook", content = new { issue = "gizmo_overheat", fix = "lower the clock" } }),
            Step("memory", "search", new { query = "gizmo overheat", limit = 5 }, "step_1"),
            Step("events", "publish", new { event_type = "builtin.completed", data = new { ok = true } }, "step_1"));

        Assert.Equal(WorkflowStatus.Completed, done.Status);
        var contribution = done.Steps[0].Output!.Value;
        var id = contribution.GetProperty("contribution_id").GetString();
        Assert.Equal(("memory", "runbook", 0.5), (contribution.GetProperty("domain_id").GetString(),
            contribution.GetProperty("contribution_type").GetString(), contribution.GetProperty("confidence").GetDouble()));
        var search = done.Steps[1].Output!.Value;
        Assert.Equal(1, search.GetProperty("count").GetInt32());
        Assert.Equal(id, search.GetProperty("results")[0].GetProperty("contribution").GetProperty("contribution_id").GetString());
        var published = done.Steps[2].Output!.Value;
        Assert.Equal($"{done.WorkflowId}.step_3", published.GetProperty("event_id").GetString());
        var stored = Assert.Single(await HistoryAsync("builtin.completed"));
        Assert.Equal(("events", true), (stored.SourceDomain, stored.Data.GetProperty("ok").GetBoolean()));
        Assert.Equal(id, (await _silo.Memory.Get(id!)).ContributionId);
        Assert.True((await _silo.Workflows.Verify(done.WorkflowId)).Valid);
    }

    [Fact]
    public async Task A_failing_step_after_contribute_rolls_back_and_the_contribution_is_retracted()
    {
        var done = await RunAsync(
            Step("memory", "contribute", new { domain_id = "ops_domain", contribution_type = "runbook", content = new { issue = "sprocket_jam" } }),
            Step("alpha", "fail", new { tag = "boom" }, "step_1"));

        Assert.Equal(WorkflowStatus.RolledBack, done.Status);
        Assert.Equal(WorkflowStepStatus.Compensated, done.Steps[0].Status);
        var id = done.Steps[0].Output!.Value.GetProperty("contribution_id").GetString()!;
        Assert.Empty((await _silo.Memory.Query(new MemoryQuery("sprocket jam"))).Results);
        await Assert.ThrowsAsync<KeyNotFoundException>(() => _silo.Memory.Get(id));
        await Eventually.True(async () => (await HistoryAsync(MemoryEvents.Retracted)).Any(e => e.Data.GetProperty("contribution_id").GetString() == id),
            "memory.retracted was announced");
        var retracted = Assert.Single(await HistoryAsync(MemoryEvents.Retracted));
        Assert.Equal("ops_domain", retracted.Data.GetProperty("source_domain").GetString());
    }

    [Fact]
    public async Task A_rolled_back_publish_announces_the_compensated_event_once_even_when_compensated_twice()
    {
        var done = await RunAsync(
            Step("events", "publish", new { event_type = "builtin.undone", source_domain = "ops_domain", data = new { n = 1 } }),
            Step("alpha", "fail", new { tag = "boom" }, "step_1"));
        Assert.Equal(WorkflowStatus.RolledBack, done.Status);

        // A compensation may be retried: the same input and output again.
        var input = JsonSerializer.SerializeToElement(new
        {
            data = done.Steps[0].Data, dependencies = new { }, workflow_id = done.WorkflowId, step_id = "step_1",
        });
        await (await _silo.WorkerAsync("events")).Compensate("publish", input, done.Steps[0].Output!.Value);

        var original = Assert.Single(await HistoryAsync("builtin.undone"));
        var compensated = Assert.Single(await HistoryAsync("builtin.undone.compensated"));
        Assert.Equal("ops_domain", compensated.SourceDomain);
        Assert.Equal($"{done.WorkflowId}.step_1.compensated", compensated.EventId);
        Assert.Equal((original.EventId, done.WorkflowId, "step_1"), (compensated.Data.GetProperty("original_event_id").GetString(),
            compensated.Data.GetProperty("workflow_id").GetString(), compensated.Data.GetProperty("step_id").GetString()));
    }

    [Fact]
    public async Task A_step_executed_again_neither_publishes_nor_contributes_twice()
    {
        var events = await _silo.WorkerAsync("events");
        var memory = await _silo.WorkerAsync("memory");
        var publish = Input(new { event_type = "builtin.rerun", data = new { n = 1 } }, stepId: "step_7");
        var contribute = Input(new { contribution_type = "note", content = new { text = "doohickey rerun" } }, stepId: "step_8");

        var first = await events.Execute("publish", publish);
        var again = await events.Execute("publish", publish);
        var c1 = await memory.Execute("contribute", contribute);
        var c2 = await memory.Execute("contribute", contribute);

        Assert.Equal(first.GetProperty("event_id").GetString(), again.GetProperty("event_id").GetString());
        Assert.Single(await HistoryAsync("builtin.rerun"));
        Assert.Equal(c1.GetProperty("contribution_id").GetString(), c2.GetProperty("contribution_id").GetString());
        Assert.Single((await _silo.Memory.Query(new MemoryQuery("doohickey"))).Results);
        // Outside a workflow (no workflow_id/step_id) every call is new.
        var bare = JsonSerializer.SerializeToElement(new { data = new { event_type = "builtin.bare" } });
        Assert.NotEqual((await events.Execute("publish", bare)).GetProperty("event_id").GetString(),
            (await events.Execute("publish", bare)).GetProperty("event_id").GetString());
    }

    [Theory]
    [InlineData("memory", "contribute", """{"content": {"a": "b"}}""", "contribution_type")]
    [InlineData("memory", "contribute", """{"contribution_type": "x"}""", "content")]
    [InlineData("memory", "contribute", """{"contribution_type": "x", "content": {"a": 1}, "domain_id": "bad id"}""", "domain_id")]
    [InlineData("memory", "search", """{"min_confidence": 2}""", "min_confidence")]
    [InlineData("memory", "search", """{"limit": "ten"}""", "limit")]
    [InlineData("memory", "search", """{"query": 5}""", "query")]
    [InlineData("memory", "forget", """{}""", "action")]
    [InlineData("events", "publish", """{}""", "event_type")]
    [InlineData("events", "publish", """{"event_type": "a..b"}""", "event_type")]
    [InlineData("events", "publish", """{"event_type": "a.b", "data": [1]}""", "data")]
    [InlineData("events", "publish", """{"event_type": "a.b", "source_domain": "no spaces"}""", "source_domain")]
    public async Task Invalid_arguments_are_argument_errors_naming_the_field(string domain, string action, string data, string field)
    {
        var worker = await _silo.WorkerAsync(domain);
        var input = JsonSerializer.SerializeToElement(new { data = JsonDocument.Parse(data).RootElement });

        var error = await Assert.ThrowsAsync<ArgumentException>(() => worker.Execute(action, input));

        Assert.Contains(field, error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Actions_are_described_with_json_schemas_of_their_data()
    {
        var memory = await (await _silo.WorkerAsync("memory")).DescribeActions();
        var events = await (await _silo.WorkerAsync("events")).DescribeActions();

        Assert.Equal(["search", "contribute"], memory.Select(a => a.Name));
        Assert.Equal(["publish"], events.Select(a => a.Name));
        Assert.Equal([false, true, true], memory.Concat(events).Select(a => a.Compensable));
        foreach (var action in memory.Concat(events))
        {
            Assert.False(string.IsNullOrWhiteSpace(action.Description));
            using var schema = JsonDocument.Parse(action.InputSchema);
            Assert.Equal("object", schema.RootElement.GetProperty("type").GetString());
            Assert.NotEmpty(schema.RootElement.GetProperty("properties").EnumerateObject());
        }
        using var contribute = JsonDocument.Parse(memory[1].InputSchema);
        Assert.Equal(["contribution_type", "content"], contribute.RootElement.GetProperty("required").EnumerateArray().Select(e => e.GetString()));
        Assert.Equal(["domain_id", "contribution_type", "content"], contribute.RootElement.GetProperty("properties").EnumerateObject().Select(p => p.Name));
        Assert.Equal(["alpha", "beta", "events", "gamma", "memory"], (await _silo.Grains.GetGrain<ISystemOverviewGrain>(ISystemOverviewGrain.Key).GetOverview()).HostedDomains);
    }
}
