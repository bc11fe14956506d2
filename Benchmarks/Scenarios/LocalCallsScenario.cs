using Orleans.Configuration;

namespace Rayswarm.Benchmarks;

/// <summary>
/// <c>local-calls</c>: 64 concurrent callers calling 10,000 grains in one in-process silo (the product's silo configuration on
/// localhost clustering). Baseline: the same callers through a single-reader channel hop, measured in the same run;
/// <c>ratio</c> = ops_per_sec / baseline_ops_per_sec; <c>cpu_us_per_call</c> is this process's CPU per grain call.
/// <c>--variant</c> picks the grain class (plain, reentrant, interleave, stateless, valuetask), the callers (outside: tasks
/// calling through the silo's <see cref="IGrainFactory"/>; grain: 64 caller grains) and silo knobs (keep-expired:
/// <c>DropExpiredMessages = false</c>), e.g. <c>--variant reentrant,grain</c>.
/// </summary>
public static class LocalCallsScenario
{
    private const int Callers = 64;
    private const int GrainCount = 10_000;
    private static readonly TimeSpan s_maxWarmUp = TimeSpan.FromSeconds(45);

    public static async Task<BenchmarkResult> RunAsync(BenchmarkArguments args)
    {
        var variant = args.Variant ?? "reentrant";
        var tokens = variant.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
        var fromGrains = tokens.Contains("grain");
        var keepExpired = tokens.Contains("keep-expired");
        var kind = tokens.FirstOrDefault(t => t is not ("grain" or "outside" or "keep-expired")) ?? "reentrant";
        var warmup = TimeSpan.FromSeconds(Math.Min(2, args.Duration.TotalSeconds / 2));

        double baselineOps;
        await using (var hop = new ChannelHop(Callers))
        {
            await CallLoad.RunAsync(Callers, warmup, hop.CallAsync);
            (baselineOps, _) = await CallLoad.RunAsync(Callers, args.Duration, hop.CallAsync);
        }
        await Console.Error.WriteLineAsync($"baseline channel hop: {baselineOps:N0}/s");

        // keep-expired: requests carry no time-to-live, so nothing checks the clock to drop expired ones.
        await using var silo = await BenchSilo.StartAsync(keepExpired ? s => s.Configure<SiloMessagingOptions>(o => o.DropExpiredMessages = false) : null);
        var call = Calls(silo.Grains, kind);
        for (var i = 0; i < GrainCount; i++) { await call(i, i); }
        double ops;
        LatencyHistogram latency;
        CpuMeter cpu;
        if (fromGrains)
        {
            if (kind is "interleave" or "valuetask") { throw new ArgumentException("--variant grain calls IBenchGrain classes: plain, reentrant or stateless."); }
            var grainClass = GrainClass(kind);
            await WarmUp.RunAsync(async d => (await GrainCallersAsync(silo.Grains, grainClass, d)).Latency.Count, warmup, s_maxWarmUp);
            cpu = CpuMeter.Start();
            (ops, latency) = await GrainCallersAsync(silo.Grains, grainClass, args.Duration);
        }
        else
        {
            (ops, latency, cpu) = await OutsideCallersAsync(call, warmup, args.Duration);
        }
        var cpuPerCall = cpu.MicrosecondsPer(latency.Count);
        var bytesPerCall = cpu.BytesPer(latency.Count);
        var gcPause = cpu.GcPauseShare();
        var gcPerSecond = cpu.CollectionsPerSecond();
        await Console.Error.WriteLineAsync($"grain calls ({variant}): {ops:N0}/s, {cpuPerCall:F2} us CPU per call");

        return new BenchmarkResult("local-calls", ops, latency.PercentileUs(50), latency.PercentileUs(99))
            .With("callers", Callers)
            .With("grains", GrainCount)
            .With("variant", $"{kind},{(fromGrains ? "grain" : "outside")}{(keepExpired ? ",keep-expired" : "")}")
            .With("cpu_us_per_call", Math.Round(cpuPerCall, 2))
            .With("alloc_bytes_per_call", Math.Round(bytesPerCall))
            .With("gc_pause_pct", Math.Round(gcPause * 100, 1))
            .With("gcs_per_sec", Math.Round(gcPerSecond))
            .With("baseline_ops_per_sec", Math.Round(baselineOps))
            .With("ratio", ops / baselineOps);
    }

    /// <summary>The default variant on <paramref name="grains"/> (64 callers outside the silo, 10,000 reentrant grains): activates
    /// the grains, warms up, then measures for <paramref name="duration"/>; the CPU meter started with the measured phase.</summary>
    public static async Task<(double OpsPerSec, LatencyHistogram Latency, CpuMeter Cpu)> MeasureDefaultAsync(IGrainFactory grains, TimeSpan duration)
    {
        var call = Calls(grains, "reentrant");
        for (var i = 0; i < GrainCount; i++) { await call(i, i); }
        return await OutsideCallersAsync(call, TimeSpan.FromSeconds(Math.Min(2, duration.TotalSeconds / 2)), duration);
    }

    private static async Task<(double OpsPerSec, LatencyHistogram Latency, CpuMeter Cpu)> OutsideCallersAsync(
        Func<int, int, ValueTask> call, TimeSpan warmup, TimeSpan duration)
    {
        ValueTask Call(int caller, long n) => call((int)(((caller * 7919L) + n) % GrainCount), (int)n);
        await WarmUp.RunAsync(async d => (await CallLoad.RunAsync(Callers, d, Call)).Latency.Count, warmup, s_maxWarmUp);
        var cpu = CpuMeter.Start();
        var (ops, latency) = await CallLoad.RunAsync(Callers, duration, Call);
        return (ops, latency, cpu);
    }

    private static Func<int, int, ValueTask> Calls(IGrainFactory grains, string kind)
    {
        switch (kind)
        {
            case "interleave":
            {
                var refs = Enumerable.Range(0, GrainCount).Select(i => grains.GetGrain<IInterleavedBenchGrain>(i)).ToArray();
                return (g, v) => new ValueTask(refs[g].Ping(v));
            }
            case "valuetask":
            {
                var refs = Enumerable.Range(0, GrainCount).Select(i => grains.GetGrain<IValueTaskBenchGrain>(i)).ToArray();
                return async (g, v) => await refs[g].Ping(v);
            }
            default:
            {
                var grainClass = GrainClass(kind);
                var refs = Enumerable.Range(0, GrainCount).Select(i => grains.GetGrain<IBenchGrain>(i, grainClass)).ToArray();
                return (g, v) => new ValueTask(refs[g].Ping(v));
            }
        }
    }

    private static string GrainClass(string kind) => kind switch
    {
        "plain" => BenchGrainClasses.Plain,
        "reentrant" => BenchGrainClasses.Reentrant,
        "stateless" => BenchGrainClasses.StatelessWorker,
        _ => throw new ArgumentException($"Unknown local-calls variant '{kind}': plain, reentrant, interleave, stateless, valuetask (and grain or outside)."),
    };

    private static async Task<(double OpsPerSec, LatencyHistogram Latency)> GrainCallersAsync(IGrainFactory grains, string grainClass, TimeSpan duration)
    {
        BenchCallerGrain.Latencies.Clear();
        var started = System.Diagnostics.Stopwatch.GetTimestamp();
        var counts = await Task.WhenAll(Enumerable.Range(0, Callers).Select(c => grains.GetGrain<IBenchCallerGrain>(c).Run(GrainCount, grainClass, duration)));
        var elapsed = System.Diagnostics.Stopwatch.GetElapsedTime(started);
        var merged = new LatencyHistogram();
        foreach (var h in BenchCallerGrain.Latencies.Values) { merged.Add(h); }
        return (counts.Sum() / elapsed.TotalSeconds, merged);
    }
}
