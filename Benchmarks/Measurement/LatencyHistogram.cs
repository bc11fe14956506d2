using System.Diagnostics;

namespace Rayswarm.Benchmarks;

/// <summary>
/// A fixed-memory latency histogram: buckets of 1/16 of a power of two of Stopwatch ticks (about 6% resolution),
/// one per caller so recording needs no locks; merge them to read percentiles.
/// </summary>
public sealed class LatencyHistogram
{
    private const int SubBuckets = 16;
    private readonly long[] _counts = new long[64 * SubBuckets];

    public long Count { get; private set; }

    public void Record(long ticks)
    {
        if (ticks < 1) { ticks = 1; }
        var log = 63 - (int)long.LeadingZeroCount(ticks);
        var sub = log < 4 ? (int)(ticks & (SubBuckets - 1)) : (int)((ticks >> (log - 4)) & (SubBuckets - 1));
        _counts[(log * SubBuckets) + sub]++;
        Count++;
    }

    public void Reset()
    {
        Array.Clear(_counts);
        Count = 0;
    }

    public void Add(LatencyHistogram other)
    {
        for (var i = 0; i < _counts.Length; i++) { _counts[i] += other._counts[i]; }
        Count += other.Count;
    }

    /// <summary>The latency at percentile <paramref name="p"/> (0..100), in microseconds.</summary>
    public double PercentileUs(double p)
    {
        if (Count == 0) { return 0; }
        var rank = (long)Math.Ceiling(p / 100 * Count);
        long seen = 0;
        for (var i = 0; i < _counts.Length; i++)
        {
            seen += _counts[i];
            if (seen >= rank) { return BucketTicks(i) * 1_000_000.0 / Stopwatch.Frequency; }
        }
        return 0;
    }

    private static double BucketTicks(int index)
    {
        int log = index / SubBuckets, sub = index % SubBuckets;
        // The bucket holds [(16 + sub) << (log - 4), (17 + sub) << (log - 4)); report its middle.
        return log < 4 ? sub : ((long)(SubBuckets + sub) << (log - 4)) + ((1L << (log - 4)) / 2.0);
    }
}
