using Microsoft.Extensions.Logging;

namespace Rayswarm.Grains.Providers;

// Calling the subscriber: a per-call timeout, retries with exponential back-off, then a dead letter.
internal sealed partial class StreamRouterGrain
{
    private const int MaxUnavailableRetries = 20;
    private static readonly TimeSpan s_maxUnavailableDelay = TimeSpan.FromSeconds(2);

    private async Task DeliverAsync(RoutedSubscription subscription, StreamEvent streamEvent)
    {
        var options = runtime.Options;
        var consumer = GrainFactory.GetGrain<IEventConsumer>(subscription.Subscription.Subscriber);
        var unavailable = 0;
        for (var attempt = 1; ; )
        {
            try
            {
                await consumer.OnEvent(subscription.Id, streamEvent).WaitAsync(options.DeliveryTimeout, runtime.Time);
                runtime.Counters.CountDelivered();
                runtime.Observer?.Delivered(streamEvent.Stream);
                return;
            }
            catch (SiloUnavailableException e) when (++unavailable <= MaxUnavailableRetries)
            {
                // The subscriber's silo went away: not the handler's failure. Orleans places the grain again on the next call.
                LogSubscriberUnavailable(logger, e, subscription.Id, streamEvent.Stream, streamEvent.Sequence);
                await Task.Delay(TimeSpan.FromTicks(Math.Min(options.InitialRetryDelay.Ticks * unavailable, s_maxUnavailableDelay.Ticks)), runtime.Time);
            }
            catch (Exception e)
            {
                runtime.Counters.CountFailedAttempt();
                LogDeliveryFailed(logger, e, subscription.Id, streamEvent.Stream, streamEvent.Sequence, attempt);
                if (attempt < options.MaxAttempts)
                {
                    await Task.Delay(RetryDelay(attempt), runtime.Time);
                    attempt++;
                    continue;
                }
                var deadLetter = new DeadLetter(subscription.Id, streamEvent, $"{e.GetType().FullName}: {e.Message}", attempt, runtime.Time.GetUtcNow());
                await runtime.Log.ParkAsync(deadLetter, CancellationToken.None);
                runtime.Counters.CountParked();
                runtime.Observer?.DeadLettered(streamEvent.Stream);
                LogParked(logger, subscription.Id, streamEvent.Stream, streamEvent.Sequence, attempt);
                return;
            }
        }
    }

    private TimeSpan RetryDelay(int failedAttempts)
    {
        var options = runtime.Options;
        var ticks = options.InitialRetryDelay.Ticks * Math.Pow(2, Math.Min(failedAttempts - 1, 30));
        return ticks >= options.MaxRetryDelay.Ticks ? options.MaxRetryDelay : TimeSpan.FromTicks((long)ticks);
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "Delivering event {Sequence} of {Stream} to subscription {Subscription} failed (attempt {Attempt})")]
    private static partial void LogDeliveryFailed(ILogger logger, Exception exception, string subscription, StreamId stream, long sequence, int attempt);

    [LoggerMessage(Level = LogLevel.Information, Message = "The subscriber of {Subscription} was unavailable for event {Sequence} of {Stream}; retrying")]
    private static partial void LogSubscriberUnavailable(ILogger logger, Exception exception, string subscription, StreamId stream, long sequence);

    [LoggerMessage(Level = LogLevel.Error, Message = "Parked event {Sequence} of {Stream} for subscription {Subscription} after {Attempts} attempts")]
    private static partial void LogParked(ILogger logger, string subscription, StreamId stream, long sequence, int attempts);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Catching up subscriptions on {Stream} failed; the next event or timer tick tries again")]
    private static partial void LogCatchUpFailed(ILogger logger, Exception exception, StreamId stream);
}
