using System.Text.Json;
using Rayswarm.Grains.Interfaces;
using Rayswarm.Runtime.Abstractions;
using Rayswarm.Runtime.Postgres;
using Xunit.Abstractions;

namespace Rayswarm.Cluster.Tests;

/// <summary>Real Silo processes on PostgreSQL: the silo running a workflow is killed with SIGKILL in the middle of a step.</summary>
[Trait("Category", "Slow")]
public sealed class WorkflowFailoverTests(PostgresServer postgres, ITestOutputHelper output) : SiloProcessCluster(postgres, output)
{
    [Fact]
    public async Task A_workflow_resumes_on_another_silo_after_the_silo_running_it_is_killed_mid_step()
    {
        await StartSilosAsync(3);
        await using var client = await ConnectAsync();
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

        // Kill the silo whose activation runs the workflow (the directory row says which).
        await using var directory = new PostgresGrainDirectory(Database, ClusterId);
        var address = await directory.LookupAsync(new GrainId("WorkflowGrain", id), CancellationToken.None)
            ?? throw new InvalidOperationException("the workflow grain has no directory row");
        var victim = Silos.Single(s => s.Address == address.Silo.ToString());
        Log($"workflow {id} runs on {victim.Address}; killing it");
        victim.Kill();
        release.SetResult();

        // Its next activation, on a live silo, runs step_1 again (at-least-once) and carries on.
        WorkflowInfo? done = null;
        await Eventually.True(async () =>
        {
            try { done = await workflows.Get(id); }
            catch (Exception e) when (e is SiloUnavailableException or GrainCallTimeoutException) { return false; } // its silo just died
            return WorkflowStatus.IsTerminal(done.Status);
        }, "the workflow finishes on another silo", 90_000);

        Assert.Equal(WorkflowStatus.Completed, done!.Status);
        Assert.True(Volatile.Read(ref blocked) >= 2, $"step_1 ran {blocked} time(s)");
        Assert.Contains(done.Audit, e => e.Type == WorkflowAuditTypes.StepStarted && e.StepId == "step_1" && e.Detail?.StartsWith("resumed", StringComparison.Ordinal) == true);
        Assert.Equal("step_1", done.Steps[1].Output!.Value.GetProperty("seen").GetProperty("step_1").GetProperty("step").GetString());
        var now = await directory.LookupAsync(new GrainId("WorkflowGrain", id), CancellationToken.None);
        Assert.NotEqual(victim.Address, now?.Silo.ToString());
        // Every silo derives the same signing key from the cluster secret, so the proof written before the kill still verifies.
        var verification = await workflows.Verify(id).Within();
        Assert.True(verification.Valid, string.Join("; ", verification.Problems));
    }
}
