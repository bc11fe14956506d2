using System.Diagnostics;

namespace Rayswarm.Benchmarks;

/// <summary>
/// Closed-loop load: <c>callers</c> concurrent loops, each awaiting one call at a time for the duration, yielding
/// every few calls so that all callers make progress. The same driver measures the runtime and its baselines.
/// </summary>
public static class CallLoad
{
    private const int Batch = 128;

    public static async Task<(double OpsPerSec, LatencyHistogram Latency)> RunAsync(int callers, TimeSpan duration, Func<int, long, ValueTask> call)
    {
        var stop = new StrongBox<bool>();
        var histograms = new LatencyHistogram[callers];
        var counts = new long[callers];
        var started = Stopwatch.GetTimestamp();
        var loops = Enumerable.Range(0, callers).Select(c => Task.Run(async () =>
        {
            var histogram = new LatencyHistogram();
            long n = 0;
            while (!Volatile.Read(ref stop.Value))
            {
                for (var j = 0; j < Batch; j++, n++)
                {
                    var t0 = Stopwatch.GetTimestamp();
                    await call(c, n);
                    histogram.Record(Stopwatch.GetTimestamp() - t0);
                }
                await Task.Yield();
            }
            histograms[c] = histogram;
            counts[c] = n;
        })).ToArray();
        await Task.Delay(duration);
        Volatile.Write(ref stop.Value, true);
        await Task.WhenAll(loops);
        var elapsed = Stopwatch.GetElapsedTime(started);
        var merged = new LatencyHistogram();
        foreach (var h in histograms) { merged.Add(h); }
        return (counts.Sum() / elapsed.TotalSeconds, merged);
    }

    private sealed class StrongBox<T>
    {
        public T Value = default!;
    }
}
