using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace Rayswarm.Grains.Providers;

/// <summary>
/// The event log streams of one silo: the log, the group-committing publisher, the partition heads the receivers poll,
/// the subscription catalog and cursor committer the routers use, the delivery counters, and retention (on every silo:
/// deletes are idempotent, so racing silos are harmless). Started and stopped with the silo.
/// </summary>
internal sealed partial class EventLogRuntime : ILifecycleParticipant<ISiloLifecycle>, IAsyncDisposable
{
    private readonly EventLogStreamOptions _options;
    private readonly TimeProvider _time;
    private readonly ILogger<EventLogRuntime> _logger;
    private readonly Lock _gate = new();
    private StreamPublisher? _publisher;
    private ITimer? _retention;
    private bool _stopped;

    public EventLogRuntime(IStreamLog log, IOptions<EventLogStreamOptions> options, TimeProvider time, ILoggerFactory loggers,
        IEventLogObserver? observer = null)
    {
        ArgumentNullException.ThrowIfNull(options);
        ArgumentNullException.ThrowIfNull(loggers);
        Log = log;
        _options = options.Value;
        _time = time;
        _logger = loggers.CreateLogger<EventLogRuntime>();
        Heads = new PartitionHeads(log, time, _options.PollPeriod);
        Catalog = new SubscriptionCatalog(log, time, _options.SubscriptionRefreshPeriod);
        Cursors = new CursorCommitter(log, time, loggers.CreateLogger<CursorCommitter>());
        Observer = observer;
    }

    public IStreamLog Log { get; }

    public EventLogStreamOptions Options => _options;

    public TimeProvider Time => _time;

    public PartitionHeads Heads { get; }

    public SubscriptionCatalog Catalog { get; }

    public CursorCommitter Cursors { get; }

    public DeliveryCounters Counters { get; } = new();

    /// <summary>Told of every stored, delivered and parked event (metrics); null when the host registered none.</summary>
    public IEventLogObserver? Observer { get; }

    public long PublishedBySilo => _publisher?.Published ?? 0;

    /// <summary>Appends through the group commit (started on first use, so grains and the stream adapter can publish as soon as the
    /// silo runs them). Throws <see cref="EventLogStoppedException"/> once the silo's services are being disposed.</summary>
    public Task<StoredStreamEvent> AppendAsync(NewStreamEvent streamEvent)
    {
        lock (_gate)
        {
            if (_stopped) { throw Stopped(streamEvent); }
            _publisher ??= new StreamPublisher(Log, _options.BatchSize, Appended);
            return _publisher.AppendAsync(streamEvent);
        }
    }

    private void Appended(IReadOnlyList<StoredStreamEvent> stored)
    {
        Heads.Appended(stored);
        if (Observer is not { } observer) { return; }
        for (var i = 0; i < stored.Count; i++) { observer.Published(stored[i].Event.Stream); }
    }

    /// <summary>What a publish meets after the runtime stopped: a typed failure callers can retry elsewhere, not a disposed object.</summary>
    internal static EventLogStoppedException Stopped(NewStreamEvent streamEvent) =>
        new($"The event log of this silo has stopped (the silo is shutting down): the event for stream '{streamEvent.Stream}' was not stored.");

    public void Participate(ISiloLifecycle lifecycle)
    {
        ArgumentNullException.ThrowIfNull(lifecycle);
        // Before the stream provider starts its pulling agents (Active), and stopped after they stopped.
        lifecycle.Subscribe(nameof(EventLogRuntime), ServiceLifecycleStage.ApplicationServices - 1, StartAsync, StopAsync);
    }

    private async Task StartAsync(CancellationToken cancellationToken)
    {
        await Log.InitializeAsync(cancellationToken);
        var period = _options.RetentionPeriod;
        _retention = _time.CreateTimer(static s => _ = ((EventLogRuntime)s!).ApplyRetentionAsync(), this, period, period);
    }

    private async Task StopAsync(CancellationToken cancellationToken)
    {
        _retention?.Dispose();
        await Cursors.FlushAsync();
    }

    /// <summary>Deletes events past the retention age or beyond the per-stream limit.</summary>
    public async Task<int> ApplyRetentionAsync()
    {
        try
        {
            return await Log.TrimAsync(
                _options.RetentionAge == Timeout.InfiniteTimeSpan ? null : _time.GetUtcNow() - _options.RetentionAge,
                _options.RetentionMaxEventsPerStream > 0 ? _options.RetentionMaxEventsPerStream : null,
                CancellationToken.None);
        }
        catch (Exception e)
        {
            LogRetentionFailed(_logger, e);
            return 0;
        }
    }

    /// <summary>With the silo's services: publishes still queued are stored, staged cursors written.</summary>
    public async ValueTask DisposeAsync()
    {
        _retention?.Dispose();
        StreamPublisher? publisher;
        lock (_gate)
        {
            _stopped = true;
            publisher = _publisher;
        }
        if (publisher is not null) { await publisher.DisposeAsync(); }
        await Cursors.DisposeAsync();
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "Event log retention failed; it runs again next period")]
    private static partial void LogRetentionFailed(ILogger logger, Exception exception);
}
