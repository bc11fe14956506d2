using System.Text.Json;
using Rayswarm.Grains.Interfaces;

namespace Rayswarm.Grains.Tests;

/// <summary>Steps that name a capability instead of a domain: two endpoint workers (real HTTP on loopback) share the
/// capability; the orchestrator picks one per step by the step's strategy and records it in the step and the audit.</summary>
public sealed class CapabilityRoutingTests : IAsyncLifetime
{
    private const string Capability = "slow-work";
    private WorkflowSilo _silo = null!;
    private EndpointDomain _one = null!;
    private EndpointDomain _two = null!;

    public async Task InitializeAsync()
    {
        _silo = await WorkflowSilo.StartAsync();
        _one = await EndpointDomain.StartAsync();
        _two = await EndpointDomain.StartAsync();
        var registry = _silo.Grains.GetGrain<IRegistryGrain>(IRegistryGrain.Key);
        await registry.Register(new DomainRegistration("worker-1", null, _one.Endpoint, [Capability]));
        await registry.Register(new DomainRegistration("worker-2", null, _two.Endpoint, [Capability]));
    }

    public async Task DisposeAsync()
    {
        await _one.DisposeAsync();
        await _two.DisposeAsync();
        await _silo.DisposeAsync();
    }

    private static WorkflowStepRequest Routed(string action, string? strategy = null, params string[] dependsOn) =>
        new(null, action, JsonSerializer.SerializeToElement(new { tag = "R" }), dependsOn.Length == 0 ? null : dependsOn,
            Capability: Capability, Strategy: strategy);

    private async Task<WorkflowInfo> CreateAsync(params WorkflowStepRequest[] steps) =>
        await _silo.Workflows.Create(new CreateWorkflowRequest("routed", steps));

    /// <summary>The worker that received the action call of <paramref name="workflowId"/>.</summary>
    private string WorkerThatRan(string workflowId)
    {
        bool Ran(EndpointDomain worker) => worker.Calls.Any(c => c.Body.GetProperty("workflow_id").GetString() == workflowId);
        return (Ran(_one), Ran(_two)) switch
        {
            (true, false) => "worker-1",
            (false, true) => "worker-2",
            var other => throw new InvalidOperationException($"workflow {workflowId} ran on {other}"),
        };
    }

    [Fact]
    public async Task Least_loaded_spreads_concurrent_calls_evenly_over_two_slow_workers()
    {
        var release = new TaskCompletionSource<bool>(TaskCreationOptions.RunContinuationsAsynchronously);
        async Task<(int, string)> Slow(string _, JsonElement __)
        {
            await release.Task;
            return (200, """{"done": true}""");
        }
        (_one.Handler, _two.Handler) = (Slow, Slow);
        var created = new List<WorkflowInfo>();
        for (var i = 1; i <= 6; i++)
        {
            // One at a time, each once the one before is in flight: every call is held by its worker, so each pick sees
            // every earlier call still in flight, and both candidates of two.
            var workflow = await CreateAsync(Routed("work"));
            await _silo.Workflows.Execute(workflow.WorkflowId, 0);
            created.Add(workflow);
            await Eventually.True(() => _one.Calls.Count + _two.Calls.Count == created.Count, $"{created.Count} call(s) in flight");
            Assert.True(Math.Abs(_one.Calls.Count - _two.Calls.Count) <= 1, $"after {i} calls: {_one.Calls.Count} and {_two.Calls.Count}");
        }
        Assert.Equal((3, 3), (_one.Calls.Count, _two.Calls.Count));

        release.SetResult(true);
        foreach (var workflow in created)
        {
            await Eventually.True(async () => WorkflowStatus.IsTerminal((await _silo.Workflows.Get(workflow.WorkflowId)).Status), "the workflow finishes");
            var done = await _silo.Workflows.Get(workflow.WorkflowId);
            Assert.Equal(WorkflowStatus.Completed, done.Status);
            var step = done.Steps.Single();
            Assert.Equal((Capability, RoutingStrategies.LeastLoaded), (step.Capability, step.Strategy));
            Assert.Equal(WorkerThatRan(done.WorkflowId), step.DomainId);
            var routed = done.Audit.Single(e => e.Type == WorkflowAuditTypes.StepRouted);
            Assert.Equal("step_1", routed.StepId);
            Assert.Contains($"'{step.DomainId}' of 2 healthy (worker-1, worker-2)", routed.Detail);
            Assert.True((await _silo.Workflows.Verify(done.WorkflowId)).Valid);
        }
    }

    [Fact]
    public async Task Round_robin_alternates_between_the_workers()
    {
        var picked = new List<string>();
        for (var i = 0; i < 4; i++)
        {
            var created = await CreateAsync(Routed("work", RoutingStrategies.RoundRobin));
            var done = await _silo.Workflows.Execute(created.WorkflowId, 20).Within(30_000);
            Assert.Equal(WorkflowStatus.Completed, done.Status);
            Assert.Equal(WorkerThatRan(done.WorkflowId), done.Steps[0].DomainId);
            Assert.Equal(RoutingStrategies.RoundRobin, done.Steps[0].Strategy);
            picked.Add(done.Steps[0].DomainId);
        }

        var first = picked[0];
        var second = first == "worker-1" ? "worker-2" : "worker-1";
        Assert.Equal([first, second, first, second], picked);
    }

    [Fact]
    public async Task A_routed_step_is_compensated_on_the_domain_it_was_routed_to()
    {
        var created = await CreateAsync(Routed("store"), WorkflowTests.Step("alpha", "fail", "F", "step_1"));

        var done = await _silo.Workflows.Execute(created.WorkflowId, 20).Within(30_000);

        Assert.Equal(WorkflowStatus.RolledBack, done.Status);
        var worker = done.Steps[0].DomainId == "worker-1" ? _one : _two;
        Assert.Equal(["/actions/store", "/actions/store/compensate"], worker.Calls.Select(c => c.Path));
        Assert.Equal(WorkflowStepStatus.Compensated, done.Steps[0].Status);
        Assert.True((await _silo.Workflows.Verify(done.WorkflowId)).Valid);
    }

    [Fact]
    public async Task A_capability_no_healthy_domain_offers_fails_the_step_and_rolls_back()
    {
        var created = await CreateAsync(
            WorkflowTests.Step("alpha", "echo", "A"),
            new WorkflowStepRequest(null, "work", DependsOn: ["step_1"], Capability: "nobody-offers-this"));

        var done = await _silo.Workflows.Execute(created.WorkflowId, 20).Within(30_000);

        Assert.Equal(WorkflowStatus.RolledBack, done.Status);
        Assert.Equal(WorkflowStepStatus.Failed, done.Steps[1].Status);
        Assert.Equal("no healthy domain offers the capability 'nobody-offers-this'.", done.Steps[1].Error);
        Assert.Equal("", done.Steps[1].DomainId);
        Assert.Equal(WorkflowStepStatus.Compensated, done.Steps[0].Status);
        Assert.DoesNotContain(done.Audit, e => e.Type == WorkflowAuditTypes.StepRouted);
        Assert.True((await _silo.Workflows.Verify(done.WorkflowId)).Valid);
    }

    [Theory]
    [InlineData("alpha", "slow-work", null, "give domain_id or capability, not both")]
    [InlineData(null, null, null, "steps[0].domain_id is required (or give a capability)")]
    [InlineData(null, "slow-work", "fastest", "strategy must be one of least_loaded, round_robin, random (was 'fastest')")]
    [InlineData("alpha", null, "random", "strategy is only for a step routed by capability")]
    [InlineData(null, " ", null, "capability must be a non-blank string")]
    public async Task A_step_must_name_exactly_one_of_domain_and_capability_and_a_known_strategy(
        string? domainId, string? capability, string? strategy, string message)
    {
        var step = new WorkflowStepRequest(domainId, "work", Capability: capability, Strategy: strategy);

        var error = await Assert.ThrowsAsync<ArgumentException>(() => CreateAsync(step));

        Assert.Contains(message, error.Message);
    }
}
