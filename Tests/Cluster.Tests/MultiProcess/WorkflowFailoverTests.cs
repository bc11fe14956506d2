using System.Text.Json;
using Rayswarm.Grains.Interfaces;
using Xunit.Abstractions;

namespace Rayswarm.Cluster.Tests;

/// <summary>Real Silo processes on PostgreSQL: the silo running a workflow is killed with SIGKILL in the middle of a step.</summary>
[Trait("Category", "Slow")]
[Collection(SiloProcesses.Name)]
public sealed class WorkflowFailoverTests(SiloCluster cluster, ITestOutputHelper output) : SiloClusterTests<SiloCluster>(cluster, output)
{
    [Fact]
    public async Task A_workflow_resumes_on_another_silo_after_the_silo_running_it_is_killed_mid_step()
    {
        await Cluster.EnsureSilosAsync(3);
        await using var client = await Cluster.ConnectAsync();
        await using var remote = await EndpointDomain.StartAsync();
        var release = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        var blocked = 0;
        remote.Handler = async (path, body) =>
        {
            if (path == "/actions/block")
            {
                Interlocked.Increment(ref blocked);
                await release.Task; // the step is "running" until the test lets it finish
            }
            return (200, JsonSerializer.Serialize(new { step = body.GetProperty("step_id").GetString(), seen = body.GetProperty("input").GetProperty("dependencies") }));
        };
        await client.GetGrain<IRegistryGrain>(IRegistryGrain.Key).Register(new DomainRegistration("blocking", null, remote.Endpoint, ["test"])).Within();
        var workflows = client.GetGrain<IWorkflowsGrain>(IWorkflowsGrain.Key);
        var created = await workflows.Create(new CreateWorkflowRequest("failover", [
            new WorkflowStepRequest("blocking", "block", null, null, null, 120),
            new WorkflowStepRequest("blocking", "finish", null, ["step_1"]),
        ])).Within();
        var id = created.WorkflowId;

        Assert.Equal(WorkflowStatus.Running, (await workflows.Execute(id, 0).Within()).Status);
        await Eventually.True(() => Volatile.Read(ref blocked) == 1, "step_1 reached the endpoint");

        // Kill the silo whose activation runs the workflow (the grain directory says which).
        var management = client.Client.GetGrain<IManagementGrain>(0);
        var address = await management.GetActivationAddress(client.GetGrain<IWorkflowGrain>(id)).AsTask().Within()
            ?? throw new InvalidOperationException("the workflow grain has no activation");
        var victim = Cluster.Live.Single(s => s.Is(address));
        Log($"workflow {id} runs on {address}; killing it");
        victim.Kill();
        release.SetResult();

        // Its next activation, on a live silo, runs step_1 again (at-least-once) and carries on.
        WorkflowInfo? done = null;
        await Eventually.True(async () =>
        {
            try { done = await workflows.Get(id); }
            catch (Exception e) when (e is not KeyNotFoundException) { return false; } // its silo just died: not yet declared dead
            return WorkflowStatus.IsTerminal(done.Status);
        }, "the workflow finishes on another silo", 90_000);

        Assert.Equal(WorkflowStatus.Completed, done!.Status);
        Assert.True(Volatile.Read(ref blocked) >= 2, $"step_1 ran {blocked} time(s)");
        Assert.Contains(done.Audit, e => e.Type == WorkflowAuditTypes.StepStarted && e.StepId == "step_1" && e.Detail?.StartsWith("resumed", StringComparison.Ordinal) == true);
        Assert.Equal("step_1", done.Steps[1].Output!.Value.GetProperty("seen").GetProperty("step_1").GetProperty("step").GetString());
        var now = await management.GetActivationAddress(client.GetGrain<IWorkflowGrain>(id)).AsTask().Within();
        Assert.False(victim.Is(now), $"the workflow still runs on the killed silo {now}");
        // Every silo derives the same signing key from the cluster secret, so the proof written before the kill still verifies.
        var verification = await workflows.Verify(id).Within();
        Assert.True(verification.Valid, string.Join("; ", verification.Problems));
    }
}
