using Microsoft.Extensions.Logging;
using Orleans.Streams;

namespace Rayswarm.Grains.Providers;

/// <summary>
/// Orleans gave up delivering an event to a router (the router itself never fails a delivery: it parks dead letters). The
/// event is not acknowledged, so its partition's checkpoint stays before it and the next owner of the partition delivers it
/// again; the subscription is not faulted.
/// </summary>
internal sealed partial class EventLogFailureHandler(ILogger logger) : IStreamFailureHandler
{
    public bool ShouldFaultSubsriptionOnError => false;

    public Task OnDeliveryFailure(GuidId subscriptionId, string streamProviderName, StreamId streamIdentity, StreamSequenceToken? sequenceToken)
    {
        LogDeliveryFailure(logger, streamIdentity, sequenceToken?.SequenceNumber ?? 0);
        return Task.CompletedTask;
    }

    public Task OnSubscriptionFailure(GuidId subscriptionId, string streamProviderName, StreamId streamIdentity, StreamSequenceToken? sequenceToken)
    {
        LogSubscriptionFailure(logger, streamIdentity);
        return Task.CompletedTask;
    }

    [LoggerMessage(Level = LogLevel.Error, Message = "Orleans could not deliver the event at position {Position} of stream {Stream} to its router; the partition checkpoint stays before it until the partition is reopened")]
    private static partial void LogDeliveryFailure(ILogger logger, StreamId stream, long position);

    [LoggerMessage(Level = LogLevel.Error, Message = "Orleans could not subscribe the router to stream {Stream}")]
    private static partial void LogSubscriptionFailure(ILogger logger, StreamId stream);
}
