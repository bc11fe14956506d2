using Microsoft.Extensions.Logging;
using Rayswarm.Runtime.Abstractions;

namespace Rayswarm.Runtime.Core;

/// <summary>The stream delivery agent's log events (source-generated, no allocation when disabled).</summary>
internal sealed partial class StreamAgentLog(ILogger logger)
{
    [LoggerMessage(301, LogLevel.Debug, "Delivery of {Stream}#{Sequence} to {Subscription} failed (attempt {Attempt})")]
    private static partial void LogDeliveryFailed(ILogger logger, Exception error, StreamId stream, long sequence, string subscription, int attempt);

    [LoggerMessage(302, LogLevel.Warning, "Parked {Stream}#{Sequence} of {Subscription} after {Attempts} attempts")]
    private static partial void LogParked(ILogger logger, Exception error, StreamId stream, long sequence, string subscription, int attempts);

    [LoggerMessage(303, LogLevel.Warning, "Stream log operation failed in partition {Partition}; retrying")]
    private static partial void LogStoreFailed(ILogger logger, Exception error, int partition);

    [LoggerMessage(304, LogLevel.Warning, "Refreshing stream subscriptions failed")]
    private static partial void LogRefreshFailed(ILogger logger, Exception error);

    public void DeliveryFailed(Exception error, StreamId stream, long sequence, string subscription, int attempt) =>
        LogDeliveryFailed(logger, error, stream, sequence, subscription, attempt);

    public void Parked(Exception error, StreamId stream, long sequence, string subscription, int attempts) =>
        LogParked(logger, error, stream, sequence, subscription, attempts);

    public void StoreFailed(Exception error, int partition) => LogStoreFailed(logger, error, partition);

    public void RefreshFailed(Exception error) => LogRefreshFailed(logger, error);
}
