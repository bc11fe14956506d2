using System.Collections.Concurrent;
using System.Diagnostics;
using Rayswarm.Runtime.Abstractions;

namespace Rayswarm.Benchmarks;

public interface IEventSinkGrain : IGrainWithIntegerKey, IStreamConsumer;

/// <summary>Counts deliveries and the latency from publish (the payload is the publisher's timestamp) to here.</summary>
public sealed class EventSinkGrain : Grain, IEventSinkGrain
{
    public Task OnEvent(string subscription, StreamEvent streamEvent)
    {
        var sentAt = streamEvent.As<long>();
        lock (EventSink.Latency) { EventSink.Latency.Record(Stopwatch.GetTimestamp() - sentAt); }
        EventSink.Record(streamEvent.EventId);
        return Task.CompletedTask;
    }
}

/// <summary>What the sinks saw, for the scenario to read.</summary>
public static class EventSink
{
    private static ConcurrentDictionary<string, int> s_copies = new();
    private static long s_delivered;

    public static LatencyHistogram Latency { get; private set; } = new();

    public static long Delivered => Interlocked.Read(ref s_delivered);

    public static int Copies(string eventId) => s_copies.TryGetValue(eventId, out var n) ? n : 0;

    public static void Record(string eventId)
    {
        s_copies.AddOrUpdate(eventId, 1, (_, n) => n + 1);
        Interlocked.Increment(ref s_delivered);
    }

    public static void Reset()
    {
        s_copies = new();
        s_delivered = 0;
        Latency = new LatencyHistogram();
    }
}
