using System.Collections.Concurrent;

namespace Rayswarm.Benchmarks;

/// <summary>What the sinks saw, for the scenario to read (everything runs in this process).</summary>
public static class EventSink
{
    private static readonly Lock s_latencyLock = new();
    private static ConcurrentDictionary<string, int> s_copies = new(StringComparer.Ordinal);
    private static LatencyHistogram s_latency = new();
    private static long s_delivered;

    public static long Delivered => Interlocked.Read(ref s_delivered);

    public static int Copies(string eventId) => s_copies.TryGetValue(eventId, out var n) ? n : 0;

    public static LatencyHistogram Latency()
    {
        lock (s_latencyLock)
        {
            var copy = new LatencyHistogram();
            copy.Add(s_latency);
            return copy;
        }
    }

    public static void Record(string eventId, long latencyTicks)
    {
        lock (s_latencyLock) { s_latency.Record(latencyTicks); }
        s_copies.AddOrUpdate(eventId, 1, (_, n) => n + 1);
        Interlocked.Increment(ref s_delivered);
    }

    public static void Reset()
    {
        lock (s_latencyLock) { s_latency = new LatencyHistogram(); }
        s_copies = new(StringComparer.Ordinal);
        Interlocked.Exchange(ref s_delivered, 0);
    }
}
