namespace Rayswarm.Benchmarks;

/// <summary>
/// <c>local-calls</c>: 64 concurrent callers calling 10,000 grains in one silo. Baseline: the same callers through
/// a single-reader channel hop, measured in the same run; <c>ratio</c> = ops_per_sec / baseline_ops_per_sec.
/// </summary>
public static class LocalCallsScenario
{
    private const int Callers = 64;
    private const int GrainCount = 10_000;

    public static async Task<BenchmarkResult> RunAsync(BenchmarkArguments args)
    {
        var warmup = TimeSpan.FromSeconds(Math.Min(2, args.Duration.TotalSeconds / 2));

        await using var hop = new ChannelHop(Callers);
        await CallLoad.RunAsync(Callers, warmup, hop.CallAsync);
        var (baselineOps, _) = await CallLoad.RunAsync(Callers, args.Duration, hop.CallAsync);
        await Console.Error.WriteLineAsync($"baseline channel hop: {baselineOps:N0}/s");

        await using var silo = await BenchSilo.StartAsync();
        var grains = Enumerable.Range(0, GrainCount).Select(i => silo.Grains.GetGrain<IBenchGrain>(i)).ToArray();
        foreach (var grain in grains) { await grain.Ping(0); }
        ValueTask Call(int caller, long n) => new(grains[(int)(((caller * 7919L) + n) % GrainCount)].Ping((int)n));
        await CallLoad.RunAsync(Callers, warmup, Call);
        var (ops, latency) = await CallLoad.RunAsync(Callers, args.Duration, Call);
        await Console.Error.WriteLineAsync($"grain calls: {ops:N0}/s");

        return new BenchmarkResult("local-calls", ops, latency.PercentileUs(50), latency.PercentileUs(99))
            .With("callers", Callers)
            .With("grains", GrainCount)
            .With("baseline_ops_per_sec", Math.Round(baselineOps))
            .With("ratio", ops / baselineOps);
    }
}
