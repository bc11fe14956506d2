using System.Diagnostics;
using System.Text.Json;
using Rayswarm.Grains.Interfaces;

namespace Rayswarm.Grains.Tests;

/// <summary>Steps on domains registered with an HTTP endpoint: the action protocol, compensation over HTTP, and an
/// unreachable endpoint failing the step quickly.</summary>
public sealed class WorkflowEndpointTests : IAsyncLifetime
{
    private WorkflowSilo _silo = null!;
    private EndpointDomain _remote = null!;

    public async Task InitializeAsync()
    {
        _silo = await WorkflowSilo.StartAsync();
        _remote = await EndpointDomain.StartAsync();
    }

    public async Task DisposeAsync()
    {
        await _remote.DisposeAsync();
        await _silo.DisposeAsync();
    }

    private Task Register(string domainId, string endpoint) =>
        _silo.Grains.GetGrain<IRegistryGrain>(IRegistryGrain.Key).Register(new DomainRegistration(domainId, null, endpoint, ["test"]));

    [Fact]
    public async Task An_endpoint_domain_runs_its_action_over_http_and_is_compensated_over_http()
    {
        await Register("remote", _remote.Endpoint);
        _remote.Handler = (path, _) => Task.FromResult(path.EndsWith("/compensate", StringComparison.Ordinal)
            ? (200, "")
            : (200, """{"stored": 42}"""));
        var created = await _silo.Workflows.Create(new CreateWorkflowRequest("remote", [
            WorkflowTests.Step("remote", "store", "R"),
            WorkflowTests.Step("alpha", "echo", "A", "step_1"),
            WorkflowTests.Step("beta", "fail", "B", "step_2"),
        ]));

        var done = await _silo.Workflows.Execute(created.WorkflowId, 20);

        Assert.Equal(WorkflowStatus.RolledBack, done.Status);
        Assert.Equal(42, done.Steps[0].Output!.Value.GetProperty("stored").GetInt32());
        Assert.Equal(42, done.Steps[1].Output!.Value.GetProperty("seen").GetProperty("step_1").GetProperty("stored").GetInt32());
        Assert.Equal(["/actions/store", "/actions/store/compensate"], _remote.Calls.Select(c => c.Path));
        var (_, action) = _remote.Calls.First();
        Assert.Equal(created.WorkflowId, action.GetProperty("workflow_id").GetString());
        Assert.Equal("step_1", action.GetProperty("step_id").GetString());
        Assert.Equal("R", action.GetProperty("input").GetProperty("data").GetProperty("tag").GetString());
        Assert.Equal(created.WorkflowId, action.GetProperty("input").GetProperty("workflow_id").GetString());
        var (_, compensation) = _remote.Calls.Last();
        Assert.Equal(42, compensation.GetProperty("output").GetProperty("stored").GetInt32());
        Assert.Equal("R", compensation.GetProperty("input").GetProperty("data").GetProperty("tag").GetString());
        Assert.Equal(WorkflowStepStatus.Compensated, done.Steps[0].Status);
    }

    [Fact]
    public async Task Each_call_to_an_endpoint_domain_carries_its_idempotency_key_in_a_header_and_in_the_input()
    {
        await Register("remote", _remote.Endpoint);
        var created = await _silo.Workflows.Create(new CreateWorkflowRequest("remote", [
            WorkflowTests.Step("remote", "store", "R"),
            WorkflowTests.Step("alpha", "fail", "F", "step_1"),
        ]));

        var done = await _silo.Workflows.Execute(created.WorkflowId, 20);

        Assert.Equal(WorkflowStatus.RolledBack, done.Status);
        var (action, compensation) = (IdempotencyKeys.Action(created.WorkflowId, "step_1"), IdempotencyKeys.Compensation(created.WorkflowId, "step_1"));
        Assert.Equal($"{created.WorkflowId}.step_1.action", action);
        Assert.Equal([("/actions/store", action), ("/actions/store/compensate", compensation)], _remote.IdempotencyKeyHeaders);
        var bodies = _remote.Calls.Select(c => c.Body.GetProperty("input")).ToArray();
        Assert.Equal(action, bodies[0].GetProperty("idempotency_key").GetString());
        Assert.False(bodies[0].TryGetProperty("action_idempotency_key", out _));
        Assert.Equal((compensation, action), (bodies[1].GetProperty("idempotency_key").GetString(), bodies[1].GetProperty("action_idempotency_key").GetString()));
    }

    [Fact]
    public async Task An_endpoint_error_status_fails_the_step_with_the_answer()
    {
        await Register("remote", _remote.Endpoint);
        _remote.Handler = (_, _) => Task.FromResult((500, """{"error": "disk full"}"""));
        var created = await _silo.Workflows.Create(new CreateWorkflowRequest("remote", [WorkflowTests.Step("remote", "store", "R")]));

        var done = await _silo.Workflows.Execute(created.WorkflowId, 20);

        Assert.Equal(WorkflowStatus.RolledBack, done.Status);
        Assert.Contains("500", done.Steps[0].Error);
        Assert.Contains("disk full", done.Steps[0].Error);
    }

    [Fact]
    public async Task An_unreachable_endpoint_fails_the_step_instead_of_hanging()
    {
        // Nothing listens on the port of a server that was started and stopped.
        var gone = await EndpointDomain.StartAsync();
        var endpoint = gone.Endpoint;
        await gone.DisposeAsync();
        await Register("offline", endpoint);
        var created = await _silo.Workflows.Create(new CreateWorkflowRequest("offline", [
            WorkflowTests.Step("alpha", "echo", "A"),
            WorkflowTests.Step("offline", "store", "O", "step_1"),
        ]));

        var clock = Stopwatch.StartNew();
        var done = await _silo.Workflows.Execute(created.WorkflowId, 20);

        Assert.Equal(WorkflowStatus.RolledBack, done.Status);
        Assert.True(clock.Elapsed < TimeSpan.FromSeconds(15), $"took {clock.Elapsed}");
        Assert.Contains(endpoint.TrimEnd('/'), done.Steps[1].Error);
        Assert.Equal(WorkflowStepStatus.Compensated, done.Steps[0].Status);
        Assert.Equal(JsonValueKind.Null, done.Steps[1].Output?.ValueKind ?? JsonValueKind.Null);
    }
}
