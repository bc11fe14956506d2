using System.Diagnostics;
using System.Text.Json;
using Rayswarm.Grains.Interfaces;

namespace Rayswarm.Benchmarks;

/// <summary>
/// <c>swarm-orchestrate</c>: a mesh swarm of 5 agents of the built-in <c>memory</c> domain in the product's embedded silo
/// (one SQLite file); one client at a time orchestrates a 10-subtask task (memory search, parallel) over it: plan, create,
/// run and wait. Latency is end to end (plan → completed); <c>ops_per_sec</c> orchestrations per second. Each agent
/// publishes its result on the bus and receives the others' (mesh), so the figure includes that fan-out.
/// </summary>
public static class SwarmOrchestrateScenario
{
    private const int Agents = 5;
    private const int Subtasks = 10;
    private const int WarmUp = 5;

    public static async Task<BenchmarkResult> RunAsync(BenchmarkArguments args)
    {
        await using var silo = await BenchSilo.StartAsync();
        await silo.Grains.GetGrain<ISwarmsGrain>(ISwarmsGrain.Key).Init(new SwarmInitRequest("bench", SwarmTopologies.Mesh, Agents));
        var swarm = silo.Grains.GetGrain<ISwarmGrain>("bench");
        for (var i = 0; i < Agents; i++) { await swarm.Spawn(new SpawnAgentRequest("memory")); }
        var task = new OrchestrateRequest(new SwarmTask(Subtasks: [.. Enumerable.Range(0, Subtasks).Select(i =>
            new SwarmSubtask("search", Data: JsonSerializer.SerializeToElement(new { query = $"benchmark cache {i}", limit = 5 })))]),
            OrchestrationStrategies.Parallel);
        var workflows = silo.Grains.GetGrain<IWorkflowsGrain>(IWorkflowsGrain.Key);

        async Task<bool> RunOneAsync()
        {
            var plan = await swarm.Plan(task);
            return (await workflows.Execute(plan.Workflow.WorkflowId, 60)).Status == WorkflowStatus.Completed;
        }

        for (var i = 0; i < WarmUp; i++) { await RunOneAsync(); }
        var latency = new LatencyHistogram();
        var failed = 0;
        var started = Stopwatch.GetTimestamp();
        using (var stop = new CancellationTokenSource(args.Duration))
        {
            while (!stop.IsCancellationRequested)
            {
                var begin = Stopwatch.GetTimestamp();
                if (await RunOneAsync()) { latency.Record(Stopwatch.GetTimestamp() - begin); }
                else { failed++; }
            }
        }
        var elapsed = Stopwatch.GetElapsedTime(started);
        await Console.Error.WriteLineAsync($"{latency.Count:N0} orchestrations of {Subtasks} steps over {Agents} agents in {elapsed.TotalSeconds:F1} s, {failed} failed");
        return new BenchmarkResult("swarm-orchestrate", latency.Count / elapsed.TotalSeconds, latency.PercentileUs(50), latency.PercentileUs(99))
            .With("p50_ms", Math.Round(latency.PercentileUs(50) / 1000, 1))
            .With("orchestrations", latency.Count)
            .With("failed", failed)
            .With("agents", Agents)
            .With("steps", Subtasks)
            .With("topology", SwarmTopologies.Mesh)
            .With("store", "sqlite");
    }
}
