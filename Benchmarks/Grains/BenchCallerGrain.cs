using System.Collections.Concurrent;
using System.Diagnostics;

namespace Rayswarm.Benchmarks;

public sealed class BenchCallerGrain : Grain, IBenchCallerGrain
{
    /// <summary>Each caller's latencies of its last run, by caller key (the scenario reads them in-process).</summary>
    public static readonly ConcurrentDictionary<long, LatencyHistogram> Latencies = new();

    // The references, built once for all callers: resolving a class name prefix is slow, and 64 callers each doing it 10,000
    // times in their first turn starved the thread pool long enough for calls to time out.
    private static readonly ConcurrentDictionary<(string Class, int Count), Lazy<IBenchGrain[]>> s_targets = new();

    public async Task<long> Run(int grainCount, string grainClass, TimeSpan duration)
    {
        var caller = this.GetPrimaryKeyLong();
        var grains = s_targets.GetOrAdd((grainClass, grainCount), k => new Lazy<IBenchGrain[]>(
            () => [.. Enumerable.Range(0, k.Count).Select(i => GrainFactory.GetGrain<IBenchGrain>(i, k.Class))])).Value;
        var histogram = new LatencyHistogram();
        var stopAt = Stopwatch.GetTimestamp() + (long)(duration.TotalSeconds * Stopwatch.Frequency);
        long n = 0;
        while (Stopwatch.GetTimestamp() < stopAt)
        {
            for (var j = 0; j < 128; j++, n++)
            {
                var t0 = Stopwatch.GetTimestamp();
                await grains[(int)(((caller * 7919L) + n) % grainCount)].Ping((int)n);
                histogram.Record(Stopwatch.GetTimestamp() - t0);
            }
        }
        Latencies[caller] = histogram;
        return n;
    }
}
