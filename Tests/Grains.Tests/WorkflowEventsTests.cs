using Rayswarm.Grains.Interfaces;

namespace Rayswarm.Grains.Tests;

/// <summary>Workflows publish their transitions on the bus (<see cref="WorkflowEvents"/>), in audit order, once each, and
/// publish after a restart what was not published before it.</summary>
public sealed class WorkflowEventsTests : IAsyncLifetime
{
    private readonly string _dataDir = Directory.CreateTempSubdirectory("rayswarm-workflow-events-").FullName;

    public Task InitializeAsync() => Task.CompletedTask;

    public Task DisposeAsync()
    {
        Directory.Delete(_dataDir, recursive: true);
        return Task.CompletedTask;
    }

    private static async Task<DomainEvent[]> EventsOfAsync(DomainSilo silo, string workflowId) =>
        [.. (await silo.Bus.GetHistory(new EventHistoryQuery(Pattern: "workflow.*", SourceDomain: WorkflowEvents.SourceDomain, Limit: 1000))).Events
            .Where(e => e.Data.GetProperty("workflow_id").GetString() == workflowId)];

    private static async Task<DomainEvent[]> AwaitEventsAsync(DomainSilo silo, string workflowId, int count)
    {
        DomainEvent[] events = [];
        await Eventually.True(async () => (events = await EventsOfAsync(silo, workflowId)).Length >= count, $"{count} events of {workflowId}");
        return events;
    }

    [Fact]
    public async Task A_completed_workflow_publishes_its_start_each_step_and_its_completion_in_order()
    {
        await using var silo = await BuiltInSilo.StartAsync();
        var created = await silo.Workflows.Create(new CreateWorkflowRequest("events-ok",
            [WorkflowTests.Step("alpha", "echo", "A"), WorkflowTests.Step("beta", "echo", "B", "step_1")]));
        var done = await silo.Workflows.Execute(created.WorkflowId, 20).Within(30_000);
        Assert.Equal(WorkflowStatus.Completed, done.Status);

        var events = await AwaitEventsAsync(silo, done.WorkflowId, 4);

        Assert.Equal([WorkflowEvents.Started, WorkflowEvents.StepCompleted, WorkflowEvents.StepCompleted, WorkflowEvents.Completed],
            events.Select(e => e.EventType));
        Assert.Equal(["", "step_1", "step_2", ""], events.Select(e => e.Data.TryGetProperty("step_id", out var s) ? s.GetString() : ""));
        Assert.Equal(["", "alpha", "beta", ""], events.Select(e => e.Data.TryGetProperty("domain_id", out var d) ? d.GetString() : ""));
        // Each names the audit entry it announces.
        var audit = done.Audit.ToDictionary(e => e.Index);
        Assert.All(events, e => Assert.Equal(audit[e.Data.GetProperty("audit_index").GetInt32()].Type switch
        {
            WorkflowAuditTypes.Started => WorkflowEvents.Started,
            WorkflowAuditTypes.StepCompleted => WorkflowEvents.StepCompleted,
            WorkflowAuditTypes.Completed => WorkflowEvents.Completed,
            var other => other,
        }, e.EventType));
        Assert.All(events, e => Assert.Equal("events-ok", e.Data.GetProperty("name").GetString()));
    }

    [Fact]
    public async Task A_rolled_back_workflow_publishes_the_failed_step_with_its_error_and_the_rollback()
    {
        await using var silo = await BuiltInSilo.StartAsync();
        var created = await silo.Workflows.Create(new CreateWorkflowRequest("events-fail",
            [WorkflowTests.Step("alpha", "echo", "A"), WorkflowTests.Step("beta", "fail", "B", "step_1")]));
        var done = await silo.Workflows.Execute(created.WorkflowId, 20).Within(30_000);
        Assert.Equal(WorkflowStatus.RolledBack, done.Status);

        var events = await AwaitEventsAsync(silo, done.WorkflowId, 4);

        Assert.Equal([WorkflowEvents.Started, WorkflowEvents.StepCompleted, WorkflowEvents.StepFailed, WorkflowEvents.RolledBack],
            events.Select(e => e.EventType));
        Assert.Equal("B failed on purpose", events[2].Data.GetProperty("error").GetString());
        Assert.Equal(done.Error, events[3].Data.GetProperty("error").GetString());
    }

    [Fact]
    public async Task Events_not_published_before_a_restart_are_published_once_after_it()
    {
        string workflowId;
        // The first silo publishes nothing, as a silo that died right after its writes.
        await using (var first = await BuiltInSilo.StartAsync(services => services.AddWorkflows(o => o.PublishEvents = false), _dataDir))
        {
            var created = await first.Workflows.Create(new CreateWorkflowRequest("events-restart", [WorkflowTests.Step("alpha", "echo", "A")]));
            workflowId = created.WorkflowId;
            Assert.Equal(WorkflowStatus.Completed, (await first.Workflows.Execute(workflowId, 20).Within(30_000)).Status);
            Assert.Empty(await EventsOfAsync(first, workflowId));
        }

        await using var second = await BuiltInSilo.StartAsync(dataDir: _dataDir);
        await second.Workflows.Get(workflowId); // activates it: the resume publishes what is missing

        var events = await AwaitEventsAsync(second, workflowId, 3);
        Assert.Equal([WorkflowEvents.Started, WorkflowEvents.StepCompleted, WorkflowEvents.Completed], events.Select(e => e.EventType));
        Assert.Equal(events.Select(e => $"{workflowId}.{e.Data.GetProperty("audit_index").GetInt32()}"), events.Select(e => e.EventId));
    }
}
