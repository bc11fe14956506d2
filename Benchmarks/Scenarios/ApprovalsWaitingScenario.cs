using System.Diagnostics;
using Rayswarm.Grains.Interfaces;

namespace Rayswarm.Benchmarks;

/// <summary>
/// <c>approvals-waiting</c>: how many workflows waiting for an approval one silo holds, and what each costs. N (default
/// 100,000; <c>--count</c>) workflows of one approval step (timeout one day) are created and started by 64 clients in the
/// product's embedded silo (state, reminders, reviews and index in one SQLite file). Each parks: its reminder moves to the
/// deadline and its activation goes. Once the workflow activations are gone, the managed heap (settled, before and after)
/// and the process' working set give the memory per waiting workflow; the goal is 100,000 in under 1 GB. Then a sample of
/// them is approved, to time a decision that wakes a parked workflow until it completes.
/// </summary>
public static class ApprovalsWaitingScenario
{
    private const int Clients = 64;
    private const int Approvals = 200;

    private static readonly CreateWorkflowRequest s_request = new("wait for a person",
        [new WorkflowStepRequest("code", "", Type: ApprovalSteps.Type, Prompt: "go on?", Timeout: "P1D")]);

    public static async Task<BenchmarkResult> RunAsync(BenchmarkArguments args)
    {
        var count = args.Count ?? 100_000;
        await using var silo = await BenchSilo.StartAsync();
        var workflows = silo.Grains.GetGrain<IWorkflowsGrain>(IWorkflowsGrain.Key);
        var management = silo.Grains.GetGrain<IManagementGrain>(0);
        var workflowType = GrainType.Create("workflow");
        await StartOneAsync(workflows); // JIT, tables, the first activation of each class
        await Task.Delay(TimeSpan.FromSeconds(2));
        var heapBefore = SettledHeapBytes();
        var workingSetBefore = Process.GetCurrentProcess().WorkingSet64;

        long next = 0;
        var ids = new string[count];
        var histograms = new LatencyHistogram[Clients];
        var cpu = CpuMeter.Start();
        var started = Stopwatch.GetTimestamp();
        await Task.WhenAll(Enumerable.Range(0, Clients).Select(c => Task.Run(async () =>
        {
            var histogram = histograms[c] = new LatencyHistogram();
            long i;
            while ((i = Interlocked.Increment(ref next)) <= count)
            {
                var t0 = Stopwatch.GetTimestamp();
                ids[i - 1] = await StartOneAsync(workflows);
                histogram.Record(Stopwatch.GetTimestamp() - t0);
                if (i % 10_000 == 0) { await Console.Error.WriteLineAsync($"{i:N0} waiting"); }
            }
        })));
        var elapsed = Stopwatch.GetElapsedTime(started);
        var cpuPerWorkflow = cpu.MicrosecondsPer(count);

        // Parked workflows let their activations go once idle.
        var parkStarted = Stopwatch.GetTimestamp();
        int active;
        while ((active = (await management.GetActiveGrains(workflowType)).Count) > count / 1000 && Stopwatch.GetElapsedTime(parkStarted) < TimeSpan.FromMinutes(5))
        {
            await Task.Delay(500);
        }
        var heapAfter = SettledHeapBytes();
        var workingSetAfter = Process.GetCurrentProcess().WorkingSet64;
        var stats = await workflows.GetStats();
        var perWorkflow = (heapAfter - heapBefore) / (double)count;
        await Console.Error.WriteLineAsync(
            $"{count:N0} workflows waiting ({stats.ActiveWorkflows:N0} running in the index) in {elapsed.TotalSeconds:N1} s; {active:N0} workflow activations left after {Stopwatch.GetElapsedTime(parkStarted).TotalSeconds:N1} s; heap +{(heapAfter - heapBefore) / 1048576.0:N1} MiB ({perWorkflow:N0} B each), working set {workingSetAfter / 1048576.0:N0} MiB");

        // Decisions on parked workflows: approve → the workflow wakes and completes.
        var reviews = silo.Grains.GetGrain<IReviewsGrain>(IReviewsGrain.Key);
        var decisions = new LatencyHistogram();
        foreach (var id in ids.Take(Approvals))
        {
            var t0 = Stopwatch.GetTimestamp();
            var workflow = await workflows.Get(id);
            await reviews.Decide(workflow.Steps[0].ReviewId!, ReviewDecision.Approve, new ReviewDecision("bench"));
            while (!WorkflowStatus.IsTerminal((await workflows.Get(id)).Status)) { await Task.Delay(1); }
            decisions.Record(Stopwatch.GetTimestamp() - t0);
        }

        var all = new LatencyHistogram();
        foreach (var h in histograms) { all.Add(h); }
        return new BenchmarkResult("approvals-waiting", count / elapsed.TotalSeconds, all.PercentileUs(50), all.PercentileUs(99))
            .With("waiting", count)
            .With("running_in_index", stats.ActiveWorkflows)
            .With("workflow_activations_left", active)
            .With("heap_mib", Math.Round((heapAfter - heapBefore) / 1048576.0, 1))
            .With("bytes_per_waiting_workflow", Math.Round(perWorkflow))
            .With("working_set_mib", Math.Round(workingSetAfter / 1048576.0))
            .With("working_set_growth_mib", Math.Round((workingSetAfter - workingSetBefore) / 1048576.0))
            .With("cpu_us_per_workflow", Math.Round(cpuPerWorkflow, 1))
            .With("approve_to_completed_p50_us", Math.Round(decisions.PercentileUs(50)))
            .With("store", "sqlite");
    }

    private static async Task<string> StartOneAsync(IWorkflowsGrain workflows)
    {
        var created = await workflows.Create(s_request);
        await workflows.Execute(created.WorkflowId, 0);
        return created.WorkflowId;
    }

    private static long SettledHeapBytes()
    {
        for (var i = 0; i < 3; i++)
        {
            GC.Collect(2, GCCollectionMode.Forced, blocking: true, compacting: true);
            GC.WaitForPendingFinalizers();
        }
        return GC.GetTotalMemory(forceFullCollection: true);
    }
}
