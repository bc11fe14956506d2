using System.Diagnostics;
using Microsoft.Extensions.DependencyInjection;

namespace Rayswarm.Benchmarks;

/// <summary>
/// <c>activations</c>: activates N (default 1,000,000) grains of a small class from 64 callers, reporting
/// activations per second and the managed memory each idle activation holds once they are all live.
/// </summary>
public static class ActivationsScenario
{
    private const int Callers = 64;

    public static async Task<BenchmarkResult> RunAsync(BenchmarkArguments args)
    {
        var count = args.Count ?? 1_000_000;
        await using var silo = await BenchSilo.StartAsync();
        await silo.Grains.GetGrain<IBenchGrain>(-1).Ping(0);
        var before = SettledHeapBytes();

        long next = -1;
        var histograms = new LatencyHistogram[Callers];
        var started = Stopwatch.GetTimestamp();
        await Task.WhenAll(Enumerable.Range(0, Callers).Select(c => Task.Run(async () =>
        {
            var histogram = histograms[c] = new LatencyHistogram();
            long key;
            while ((key = Interlocked.Increment(ref next)) < count)
            {
                var t0 = Stopwatch.GetTimestamp();
                await silo.Grains.GetGrain<IBenchGrain>(key).Ping(1);
                histogram.Record(Stopwatch.GetTimestamp() - t0);
                if ((key & 255) == 0) { await Task.Yield(); }
            }
        })));
        var elapsed = Stopwatch.GetElapsedTime(started);

        var after = SettledHeapBytes();
        var live = silo.Services.GetRequiredService<Rayswarm.Runtime.Core.SiloRuntime>().Catalog.Count - 1;
        var merged = new LatencyHistogram();
        foreach (var h in histograms) { merged.Add(h); }
        await Console.Error.WriteLineAsync($"{live:N0} activations in {elapsed.TotalSeconds:N1} s, {(after - before) / (double)live:N0} bytes each");

        return new BenchmarkResult("activations", count / elapsed.TotalSeconds, merged.PercentileUs(50), merged.PercentileUs(99))
            .With("activations", live)
            .With("bytes_per_activation", Math.Round((after - before) / (double)live));
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
