namespace Rayswarm.Grains.Providers;

/// <summary>The event log streams (configuration section <c>Rayswarm:Streams</c>).</summary>
public sealed class EventLogStreamOptions
{
    /// <summary>The configuration section.</summary>
    public const string SectionName = "Rayswarm:Streams";

    /// <summary>How often a silo asks the log for the newest position of every partition, to see events published through
    /// other silos (one query for all partitions; only partitions that moved are read). Default 100 milliseconds.</summary>
    public TimeSpan PollPeriod { get; set; } = TimeSpan.FromMilliseconds(100);

    /// <summary>How often each partition's pulling agent checks what this silo knows of the partition's newest position
    /// (Orleans' <c>GetQueueMsgsTimerPeriod</c>; an in-memory check, no query). Events published through this silo are
    /// seen within this period, events of other silos within <see cref="PollPeriod"/>. Default 10 milliseconds.</summary>
    public TimeSpan PumpPeriod { get; set; } = TimeSpan.FromMilliseconds(10);

    /// <summary>The most events read from the log per query, and appended per group commit. Default 512.</summary>
    public int BatchSize { get; set; } = 512;

    /// <summary>Backpressure: the size of each partition's Orleans queue cache (events read and not yet delivered); a full
    /// cache stops reading the partition until the routers catch up. Default 4,096.</summary>
    public int MaxInFlightPerPartition { get; set; } = 4096;

    /// <summary>Deliveries of one event to one subscriber before it is parked as a dead letter. Default 5.</summary>
    public int MaxAttempts { get; set; } = 5;

    /// <summary>The wait before the first retry of a failed delivery; it doubles with every further failure. Default 100 milliseconds.</summary>
    public TimeSpan InitialRetryDelay { get; set; } = TimeSpan.FromMilliseconds(100);

    /// <summary>The longest wait between retries. Default 5 seconds.</summary>
    public TimeSpan MaxRetryDelay { get; set; } = TimeSpan.FromSeconds(5);

    /// <summary>How long one call to a subscriber may take before it counts as a failed attempt (so a dead silo does not hold
    /// a stream for Orleans' whole response timeout). Default 10 seconds.</summary>
    public TimeSpan DeliveryTimeout { get; set; } = TimeSpan.FromSeconds(10);

    /// <summary>How long a silo's cached list of subscriptions is used before it is read again (to see those added or removed
    /// through other silos; changes through this silo are seen at once). Also how often an active router catches new
    /// subscriptions up on the streams it serves. Default 1 second.</summary>
    public TimeSpan SubscriptionRefreshPeriod { get; set; } = TimeSpan.FromSeconds(1);

    /// <summary>Retention: events older than this are deleted; <see cref="Timeout.InfiniteTimeSpan"/> keeps them. Default 7 days.</summary>
    public TimeSpan RetentionAge { get; set; } = TimeSpan.FromDays(7);

    /// <summary>Retention: at most this many newest events are kept per stream; 0 for no limit. Default 0.</summary>
    public int RetentionMaxEventsPerStream { get; set; }

    /// <summary>How often retention runs (on every silo; deletes are idempotent). Default 1 minute.</summary>
    public TimeSpan RetentionPeriod { get; set; } = TimeSpan.FromMinutes(1);
}
