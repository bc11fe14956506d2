using System.Collections.Concurrent;
using System.Diagnostics;

namespace Rayswarm.Benchmarks;

public sealed class BenchCallerGrain : Grain, IBenchCallerGrain
{
    /// <summary>Each caller's latencies of its last run, by caller key (the scenario reads them in-process).</summary>
    public static readonly ConcurrentDictionary<long, LatencyHistogram> Latencies = new();

    public async Task<long> Run(int grainCount, string grainClass, TimeSpan duration)
    {
        var caller = this.GetPrimaryKeyLong();
        var grains = new IBenchGrain[grainCount];
        for (var i = 0; i < grainCount; i++) { grains[i] = GrainFactory.GetGrain<IBenchGrain>(i, grainClass); }
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
