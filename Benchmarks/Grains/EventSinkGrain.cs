using System.Diagnostics;
using Rayswarm.Grains.Providers;

namespace Rayswarm.Benchmarks;

/// <summary>Counts deliveries and the latency from publish (the payload is the publisher's timestamp) to here.</summary>
public sealed class EventSinkGrain : Grain, IEventSinkGrain
{
    public Task OnEvent(string subscription, StreamEvent streamEvent)
    {
        EventSink.Record(streamEvent.EventId, Stopwatch.GetTimestamp() - streamEvent.As<long>());
        return Task.CompletedTask;
    }
}
