using System.Diagnostics;

namespace Rayswarm.Benchmarks;

/// <summary>
/// <c>activations</c>: activates N (default 100,000; <c>--count</c>) grains of a class with no state and no fields from 64
/// callers in one in-process silo, reporting activations per second and the managed heap each idle activation holds once they
/// are all live (<see cref="GC.GetTotalMemory"/> after forced full collections, before and after).
/// </summary>
public static class ActivationsScenario
{
    private const int Callers = 64;

    public static async Task<BenchmarkResult> RunAsync(BenchmarkArguments args)
    {
        var count = args.Count ?? 100_000;
        // --variant: empty (default), fielded (a grain with one int field: the local-calls PlainBenchGrain) or always-active
        // (an empty grain exempt from idle collection).
        var variant = args.Variant ?? "empty";
        await using var silo = await BenchSilo.StartAsync();
        Func<long, Task> touch = variant switch
        {
            "empty" => key => silo.Grains.GetGrain<IEmptyGrain>(key).Touch(),
            "fielded" => key => silo.Grains.GetGrain<IBenchGrain>(key, BenchGrainClasses.Plain).Ping(1),
            "always-active" => key => silo.Grains.GetGrain<IAlwaysActiveEmptyGrain>(key).Touch(),
            _ => throw new ArgumentException($"Unknown activations variant '{variant}': empty, fielded, always-active."),
        };
        var management = silo.Grains.GetGrain<IManagementGrain>(0);
        // Warm every path (JIT, the first activation of the class), then let the silo's own start-up work settle.
        await touch(-1);
        await Task.Delay(TimeSpan.FromSeconds(2));
        var activationsBefore = await management.GetTotalActivationCount();
        var before = SettledHeapBytes();

        long next = -1;
        var histograms = new LatencyHistogram[Callers];
        var cpu = CpuMeter.Start();
        var started = Stopwatch.GetTimestamp();
        await Task.WhenAll(Enumerable.Range(0, Callers).Select(c => Task.Run(async () =>
        {
            var histogram = histograms[c] = new LatencyHistogram();
            long key;
            while ((key = Interlocked.Increment(ref next)) < count)
            {
                var t0 = Stopwatch.GetTimestamp();
                await touch(key);
                histogram.Record(Stopwatch.GetTimestamp() - t0);
                if ((key & 255) == 0) { await Task.Yield(); }
            }
        })));
        var elapsed = Stopwatch.GetElapsedTime(started);
        var cpuPerActivation = cpu.MicrosecondsPer(count);

        var after = SettledHeapBytes();
        var live = await management.GetTotalActivationCount() - activationsBefore;
        var merged = new LatencyHistogram();
        foreach (var h in histograms) { merged.Add(h); }
        var perActivation = (after - before) / (double)Math.Max(1, live);
        await Console.Error.WriteLineAsync($"{live:N0} activations in {elapsed.TotalSeconds:N1} s, {perActivation:N0} bytes each");

        return new BenchmarkResult("activations", count / elapsed.TotalSeconds, merged.PercentileUs(50), merged.PercentileUs(99))
            .With("variant", variant)
            .With("activations", live)
            .With("activations_per_sec", Math.Round(count / elapsed.TotalSeconds))
            .With("bytes_per_activation", Math.Round(perActivation))
            .With("cpu_us_per_activation", Math.Round(cpuPerActivation, 1));
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
