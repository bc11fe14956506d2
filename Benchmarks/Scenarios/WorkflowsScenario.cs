using System.Diagnostics;
using System.Text.Json;
using Microsoft.Data.Sqlite;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Rayswarm.Grains;
using Rayswarm.Grains.Interfaces;
using Rayswarm.Runtime.Abstractions;
using Rayswarm.Runtime.Core;
using Rayswarm.Runtime.Sqlite;

namespace Rayswarm.Benchmarks;

/// <summary>
/// <c>workflows</c>: durable 3-step workflows over the built-in domains (step_1 events.publish; step_2 memory.search and
/// step_3 events.publish, both depending on step_1) in an embedded silo set up as the embedded gateway's (grain state,
/// reminders, stream log and knowledge store in one SQLite file, a signing key file). Concurrent clients create and
/// execute them through <see cref="IWorkflowsGrain"/>; <c>ops_per_sec</c> counts completed workflows per second and the
/// latency is create → completed.
/// </summary>
public static class WorkflowsScenario
{
    private const int Clients = 64;
    private const int WarmUp = 200;

    private static readonly IReadOnlyList<WorkflowStepRequest> s_steps =
    [
        new("events", "publish", JsonSerializer.SerializeToElement(new { event_type = "bench.started", data = new { n = 1 } })),
        new("memory", "search", JsonSerializer.SerializeToElement(new { query = "benchmark cache", limit = 5 }), ["step_1"]),
        new("events", "publish", JsonSerializer.SerializeToElement(new { event_type = "bench.finished" }), ["step_1"]),
    ];

    /// <summary>The 1-minute load average (Linux), so a reader can tell a busy machine from a slow scenario.</summary>
    private static string LoadAverage()
    {
        try { return File.ReadAllText("/proc/loadavg").Split(' ')[0]; }
        catch (IOException) { return "n/a"; }
        catch (UnauthorizedAccessException) { return "n/a"; }
    }

    public static async Task<BenchmarkResult> RunAsync(BenchmarkArguments args)
    {
        var directory = Directory.CreateTempSubdirectory("rayswarm-workflows-").FullName;
        var database = Path.Combine(directory, "rayswarm.db");
        var builder = Host.CreateApplicationBuilder();
        builder.Logging.ClearProviders();
        builder.Services.AddDomainSystem();
        builder.Services.AddSqliteKnowledgeStore(database);
        builder.Services.AddSqliteWorkflowIndex(database);
        builder.Services.AddWorkflowSigning(o => o.KeyFile = Path.Combine(directory, "signing-key.pem"));
        builder.UseSilo(silo => silo
            .AddSqliteGrainStorage(GrainStorageNames.Default, o => o.DatabasePath = database)
            .UseSqliteReminders(o => o.DatabasePath = database)
            .AddStreams()
            .UseSqliteStreamLog(o => o.DatabasePath = database));
        using var host = builder.Build();
        await host.StartAsync();
        var workflows = host.Services.GetRequiredService<IGrainFactory>().GetGrain<IWorkflowsGrain>(IWorkflowsGrain.Key);
        var request = new CreateWorkflowRequest("bench", s_steps);

        async Task<bool> RunOneAsync()
        {
            var created = await workflows.Create(request);
            var done = await workflows.Execute(created.WorkflowId, 60);
            return done.Status == WorkflowStatus.Completed;
        }

        await Task.WhenAll(Enumerable.Range(0, Clients).Select(_ => Task.Run(async () =>
        {
            for (var i = 0; i < WarmUp / Clients; i++) { await RunOneAsync(); }
        })));

        var histograms = new LatencyHistogram[Clients];
        var failed = 0L;
        using var stop = new CancellationTokenSource(args.Duration);
        var cpuBefore = Process.GetCurrentProcess().TotalProcessorTime;
        var started = Stopwatch.GetTimestamp();
        await Task.WhenAll(Enumerable.Range(0, Clients).Select(c => Task.Run(async () =>
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
        var elapsed = Stopwatch.GetElapsedTime(started);
        var cpu = Process.GetCurrentProcess().TotalProcessorTime - cpuBefore;
        var all = new LatencyHistogram();
        foreach (var h in histograms) { all.Add(h); }
        await Console.Error.WriteLineAsync($"{all.Count:N0} workflows completed, {failed} failed, in {elapsed.TotalSeconds:F1} s with {Clients} clients");
        await host.StopAsync();
        SqliteConnection.ClearAllPools();
        Directory.Delete(directory, recursive: true);
        return new BenchmarkResult("workflows", all.Count / elapsed.TotalSeconds, all.PercentileUs(50), all.PercentileUs(99))
            .With("workflows", all.Count)
            .With("failed", failed)
            .With("steps", s_steps.Count)
            .With("store", "sqlite")
            .With("cpu_ms_per_workflow", all.Count == 0 ? 0 : cpu.TotalMilliseconds / all.Count)
            .With("load_average", LoadAverage());
    }
}
