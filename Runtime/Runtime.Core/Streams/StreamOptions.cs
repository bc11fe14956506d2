namespace Rayswarm.Runtime.Core;

/// <summary>Stream delivery. Configuration section <c>Rayswarm:Streams</c>.</summary>
public sealed class StreamOptions
{
    /// <summary>The configuration section.</summary>
    public const string SectionName = "Rayswarm:Streams";

    /// <summary>How often a delivery agent looks for new events it was not told about (appended by other silos).
    /// Events appended through this silo are picked up at once. Default 100 milliseconds.</summary>
    public TimeSpan PollPeriod { get; set; } = TimeSpan.FromMilliseconds(100);

    /// <summary>The most events read from the log per query. Default 512.</summary>
    public int BatchSize { get; set; } = 512;

    /// <summary>Backpressure: the most events of one partition read but not yet finished by every subscriber; at this
    /// many the agent stops reading that partition until subscribers catch up. Default 4,096.</summary>
    public int MaxInFlightPerPartition { get; set; } = 4096;

    /// <summary>Deliveries of one event to one subscriber before it is parked as a dead letter. Default 5.</summary>
    public int MaxAttempts { get; set; } = 5;

    /// <summary>The wait before the first retry of a failed delivery; it doubles with every further failure. Default 100 milliseconds.</summary>
    public TimeSpan InitialRetryDelay { get; set; } = TimeSpan.FromMilliseconds(100);

    /// <summary>The longest wait between retries. Default 5 seconds.</summary>
    public TimeSpan MaxRetryDelay { get; set; } = TimeSpan.FromSeconds(5);

    /// <summary>How often the agent re-reads the explicit subscriptions (to see those added or removed through other silos).
    /// Default 1 second.</summary>
    public TimeSpan SubscriptionRefreshPeriod { get; set; } = TimeSpan.FromSeconds(1);

    /// <summary>Retention: events older than this are deleted; <see cref="Timeout.InfiniteTimeSpan"/> keeps them. Default 7 days.</summary>
    public TimeSpan RetentionAge { get; set; } = TimeSpan.FromDays(7);

    /// <summary>Retention: at most this many newest events are kept per stream; 0 for no limit. Default 0.</summary>
    public int RetentionMaxEventsPerStream { get; set; }

    /// <summary>How often retention runs. Default 1 minute.</summary>
    public TimeSpan RetentionPeriod { get; set; } = TimeSpan.FromMinutes(1);
}
