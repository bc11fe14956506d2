using System.Diagnostics;
using System.Text.Json;
using Microsoft.Extensions.DependencyInjection;
using Rayswarm.Grains.Interfaces;

namespace Rayswarm.Benchmarks;

/// <summary>
/// <c>workflows</c>: durable 3-step workflows over the built-in domains (step_1 events.publish; step_2 memory.search and
/// step_3 events.publish, both depending on step_1) in the product's embedded silo (grain state, reminders, event log,
/// knowledge and workflow index in one SQLite file). 64 concurrent clients create and execute them through
/// <see cref="IWorkflowsGrain"/>; <c>ops_per_sec</c> counts completed workflows per second, latency is create → completed.
/// Baseline, same run and store: raw grain-state writes of the size of a workflow's state (measured during warm-up) from as
/// many concurrent writers as there are clients (64; <c>--variant clients=N</c>); <c>ratio</c> = ops_per_sec / <c>baseline_writes_per_sec</c>, to be read
/// against <c>state_writes_per_workflow</c> (what a workflow writes besides its index rows and reminder). <c>writer_busy</c> is
/// the share of the run the file's one writer was held (the group commit's <c>rayswarm.sqlite.writer.busy</c>), with
/// <c>commits_per_sec</c> and <c>writes_per_commit</c>.
/// </summary>
public static class WorkflowsScenario
{
    private const int DefaultClients = 64;
    private const int WarmUp = 256;

    private static readonly IReadOnlyList<WorkflowStepRequest> s_steps =
    [
        new("events", "publish", JsonSerializer.SerializeToElement(new { event_type = "bench.started", data = new { n = 1 } })),
        new("memory", "search", JsonSerializer.SerializeToElement(new { query = "benchmark cache", limit = 5 }), ["step_1"]),
        new("events", "publish", JsonSerializer.SerializeToElement(new { event_type = "bench.finished" }), ["step_1"]),
    ];

    public static async Task<BenchmarkResult> RunAsync(BenchmarkArguments args)
    {
        // --variant clients=N: another number of concurrent clients (1 shows one workflow's latency on its own).
        var clients = args.Variant is { } v && v.StartsWith("clients=", StringComparison.Ordinal)
            ? int.Parse(v["clients=".Length..], System.Globalization.CultureInfo.InvariantCulture) : DefaultClients;
        await using var silo = await BenchSilo.StartAsync(configure: s => CountingGrainStorage.Decorate(s.Services));
        var storage = silo.Services.GetRequiredService<CountingGrainStorage>();
        var workflows = silo.Grains.GetGrain<IWorkflowsGrain>(IWorkflowsGrain.Key);
        var request = new CreateWorkflowRequest("bench", s_steps);

        var createLatency = new LatencyHistogram();
        async Task<bool> RunOneAsync()
        {
            var t0 = Stopwatch.GetTimestamp();
            var created = await workflows.Create(request);
            lock (createLatency) { createLatency.Record(Stopwatch.GetTimestamp() - t0); }
            var done = await workflows.Execute(created.WorkflowId, 60);
            return done.Status == WorkflowStatus.Completed;
        }

        // Warm-up, sizing the state writes a workflow makes.
        storage.Sizing = true;
        var writesBefore = storage.Writes;
        var warmUpRuns = Math.Max(1, WarmUp / clients);
        await Task.WhenAll(Enumerable.Range(0, clients).Select(_ => Task.Run(async () =>
        {
            for (var i = 0; i < warmUpRuns; i++) { await RunOneAsync(); }
        })));
        storage.Sizing = false;
        var writesPerWorkflow = (storage.Writes - writesBefore) / (double)(warmUpRuns * clients);
        createLatency.Reset();
        var stateBytes = storage.AverageBytes;

        var histograms = new LatencyHistogram[clients];
        var failed = 0L;
        using var writer = SqliteWriterMeter.Start(silo.DatabasePath);
        var cpu = CpuMeter.Start();
        var started = Stopwatch.GetTimestamp();
        using (var stop = new CancellationTokenSource(args.Duration))
        {
            await Task.WhenAll(Enumerable.Range(0, clients).Select(c => Task.Run(async () =>
            {
                var histogram = histograms[c] = new LatencyHistogram();
                while (!stop.IsCancellationRequested)
                {
                    var begin = Stopwatch.GetTimestamp();
                    bool completed;
                    try { completed = await RunOneAsync(); }
                    catch (Exception e)
                    {
                        await Console.Error.WriteLineAsync($"workflow failed: {e.GetType().Name}: {e.Message}");
                        completed = false;
                    }
                    if (completed) { histogram.Record(Stopwatch.GetTimestamp() - begin); }
                    else { Interlocked.Increment(ref failed); }
                }
            })));
        }
        var elapsed = Stopwatch.GetElapsedTime(started);
        var (writerBusy, commitsPerSec, writesPerCommit) = writer.Read();
        var all = new LatencyHistogram();
        foreach (var h in histograms) { all.Add(h); }
        var cpuPerWorkflow = cpu.MicrosecondsPer(all.Count) / 1000;
        var perSec = all.Count / elapsed.TotalSeconds;
        await Console.Error.WriteLineAsync(
            $"{all.Count:N0} workflows completed, {failed} failed, in {elapsed.TotalSeconds:F1} s with {clients} clients; {writesPerWorkflow:F1} state writes of ~{stateBytes:N0} B each");

        var baseline = await BaselineWritesAsync(silo.Grains, clients, (int)Math.Round(stateBytes), args.Duration);
        await Console.Error.WriteLineAsync($"baseline: {baseline:N0} state writes/s of {stateBytes:N0} B from {clients} writers");

        return new BenchmarkResult("workflows", perSec, all.PercentileUs(50), all.PercentileUs(99))
            .With("workflows", all.Count)
            .With("failed", failed)
            .With("clients", clients)
            .With("create_p50_us", Math.Round(createLatency.PercentileUs(50), 1))
            .With("steps", s_steps.Count)
            .With("store", "sqlite")
            .With("cpu_ms_per_workflow", Math.Round(cpuPerWorkflow, 3))
            .With("state_writes_per_workflow", Math.Round(writesPerWorkflow, 2))
            .With("state_bytes", Math.Round(stateBytes))
            .With("writer_busy", Math.Round(writerBusy, 3))
            .With("commits_per_sec", Math.Round(commitsPerSec))
            .With("writes_per_commit", Math.Round(writesPerCommit, 1))
            .With("baseline_writes_per_sec", Math.Round(baseline))
            .With("ratio", perSec / baseline);
    }

    /// <summary><paramref name="clients"/> writers, each rewriting its own grain's state of about <paramref name="bytes"/> bytes.</summary>
    private static async Task<double> BaselineWritesAsync(IGrainFactory grains, int clients, int bytes, TimeSpan duration)
    {
        var payload = new string('x', Math.Max(1, bytes - 30)); // {"Data":"…","Writes":n}
        for (var c = 0; c < clients; c++) { await grains.GetGrain<IStateWriterGrain>(c).Write(payload); }
        long writes = 0;
        using var stop = new CancellationTokenSource(duration);
        var started = Stopwatch.GetTimestamp();
        await Task.WhenAll(Enumerable.Range(0, clients).Select(c => Task.Run(async () =>
        {
            var grain = grains.GetGrain<IStateWriterGrain>(c);
            while (!stop.IsCancellationRequested)
            {
                await grain.Write(payload);
                Interlocked.Increment(ref writes);
            }
        })));
        return writes / Stopwatch.GetElapsedTime(started).TotalSeconds;
    }
}
