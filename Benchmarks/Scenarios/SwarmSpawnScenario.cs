using System.Diagnostics;
using Rayswarm.Grains.Interfaces;

namespace Rayswarm.Benchmarks;

/// <summary>
/// <c>swarm-spawn</c>: <c>spawn_agent</c> as the swarm grain serves it (agent activated, its state written, registered in the
/// registry, its keep-alive reminder set) in the product's embedded silo (one SQLite file). <c>--count</c> (4) clients each
/// spawn <c>memory</c> agents into swarms of their own (mesh, so each agent also subscribes to its swarm's results on the
/// bus), a new swarm every 100 agents, for <c>--duration</c>. <c>ops_per_sec</c> is spawns per second; latency per spawn.
/// </summary>
public static class SwarmSpawnScenario
{
    public static async Task<BenchmarkResult> RunAsync(BenchmarkArguments args)
    {
        var clients = args.Count ?? 4;
        await using var silo = await BenchSilo.StartAsync();
        var swarms = silo.Grains.GetGrain<ISwarmsGrain>(ISwarmsGrain.Key);
        var histograms = new LatencyHistogram[clients];
        var started = Stopwatch.GetTimestamp();
        using (var stop = new CancellationTokenSource(args.Duration))
        {
            await Task.WhenAll(Enumerable.Range(0, clients).Select(c => Task.Run(async () =>
            {
                var histogram = histograms[c] = new LatencyHistogram();
                for (var round = 0; !stop.IsCancellationRequested; round++)
                {
                    var name = $"spawn-{c}-{round}";
                    await swarms.Init(new SwarmInitRequest(name, SwarmTopologies.Mesh, SwarmInitRequest.MaxAgentsLimit));
                    var swarm = silo.Grains.GetGrain<ISwarmGrain>(name);
                    for (var i = 0; i < SwarmInitRequest.MaxAgentsLimit && !stop.IsCancellationRequested; i++)
                    {
                        var begin = Stopwatch.GetTimestamp();
                        await swarm.Spawn(new SpawnAgentRequest("memory"));
                        histogram.Record(Stopwatch.GetTimestamp() - begin);
                    }
                }
            })));
        }
        var elapsed = Stopwatch.GetElapsedTime(started);
        var all = new LatencyHistogram();
        foreach (var h in histograms) { all.Add(h); }
        await Console.Error.WriteLineAsync($"{all.Count:N0} agents spawned by {clients} clients in {elapsed.TotalSeconds:F1} s");
        return new BenchmarkResult("swarm-spawn", all.Count / elapsed.TotalSeconds, all.PercentileUs(50), all.PercentileUs(99))
            .With("agents", all.Count)
            .With("clients", clients)
            .With("store", "sqlite");
    }
}
