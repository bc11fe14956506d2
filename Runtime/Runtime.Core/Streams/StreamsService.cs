using System.Reflection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Rayswarm.Runtime.Abstractions;

namespace Rayswarm.Runtime.Core;

/// <summary>
/// Runs the silo's streams: the group-committing publisher and the delivery agent of the partitions this silo owns
/// (all of them in a single silo; a ring share in a cluster, moved when membership changes). Delivery stops before
/// the silo deactivates its grains, so a stopping silo parks nothing.
/// </summary>
internal sealed class StreamsService(
    SiloRuntime runtime,
    IStreamLog log,
    IOptions<StreamOptions> options,
    TimeProvider time,
    ILoggerFactory loggers) : IHostedLifecycleService, IAsyncDisposable
{
    private static readonly TimeSpan s_maxTransientDelay = TimeSpan.FromSeconds(2);
    private StreamDeliveryAgent? _agent;
    private StreamPublisher? _publisher;
    private IReadOnlyList<(uint Begin, uint End)> _owned = [(0u, uint.MaxValue)];

    public StreamPublisher Publisher => _publisher ?? throw new InvalidOperationException("Streams are not started yet.");

    public StreamDeliveryAgent? Agent => _agent;

    public long PublishedBySilo => _publisher?.Published ?? 0;

    public async Task StartAsync(CancellationToken cancellationToken)
    {
        await log.InitializeAsync(cancellationToken);
        runtime.Registry.LoadAppDomain();
        var implicitSubscriptions = runtime.Registry.Classes
            .SelectMany(c => c.ClassType.GetCustomAttributes<ImplicitStreamSubscriptionAttribute>(inherit: false)
                .Select(a => new ImplicitSubscription(a.Namespace, c.GrainType)))
            .ToList();
        _agent = new StreamDeliveryAgent(log, options.Value, DeliverAsync, () => implicitSubscriptions, time, loggers.CreateLogger("Rayswarm.Streams"));
        _publisher = new StreamPublisher(log, options.Value.BatchSize, _agent.Notify);
        await _agent.StartAsync();
        await _agent.SetPartitionsAsync(Partitions(_owned));
        var period = options.Value.RetentionPeriod;
        _retention = time.CreateTimer(static s => _ = ((StreamsService)s!).ApplyRetentionAsync(), this, period, period);
    }

    private ITimer? _retention;

    /// <summary>Deletes events past the retention age or beyond the per-stream limit (every silo may run it: deletes are idempotent).</summary>
    public async Task<int> ApplyRetentionAsync()
    {
        var o = options.Value;
        try
        {
            return await log.TrimAsync(
                o.RetentionAge == Timeout.InfiniteTimeSpan ? null : time.GetUtcNow() - o.RetentionAge,
                o.RetentionMaxEventsPerStream > 0 ? o.RetentionMaxEventsPerStream : null,
                CancellationToken.None);
        }
        catch (Exception e)
        {
            runtime.Log.RetentionFailed(e);
            return 0;
        }
    }

    /// <summary>Cluster: this silo now owns <paramref name="ranges"/> of the hash space; take or drop the matching partitions.</summary>
    public async Task SetOwnedRangesAsync(IReadOnlyList<(uint Begin, uint End)> ranges)
    {
        _owned = ranges;
        if (_agent is { } agent) { await agent.SetPartitionsAsync(Partitions(ranges)); }
    }

    public async Task SubscriptionsChangedAsync()
    {
        if (_agent is { } agent) { await agent.RefreshSubscriptionsAsync(); }
    }

    private static int[] Partitions(IReadOnlyList<(uint Begin, uint End)> ranges) =>
        [.. Enumerable.Range(0, StreamPartitions.Count).Where(p => ReminderRing.Contains(ranges, PartitionHash(p)))];

    private static uint PartitionHash(int partition) => new GrainId("stream-partition", partition.ToString(System.Globalization.CultureInfo.InvariantCulture)).StableHash();

    /// <summary>Calls the subscriber grain. Failures of the cluster (a silo died, a call timed out) are retried here
    /// without counting as handler failures, so a failover never parks events; the grain's own exceptions count.</summary>
    private async Task DeliverAsync(StreamDelivery delivery, CancellationToken cancellationToken)
    {
        var consumer = (IStreamConsumer)runtime.GetReference(delivery.Subscriber, typeof(IStreamConsumer));
        var delay = TimeSpan.FromMilliseconds(50);
        while (true)
        {
            try
            {
                // A dropped partition (ownership moved) must not wait for a slow call: the new owner delivers again.
                await consumer.OnEvent(delivery.SubscriptionId, delivery.Event).WaitAsync(cancellationToken);
                return;
            }
            catch (Exception e) when (e is SiloUnavailableException or GrainCallTimeoutException && !cancellationToken.IsCancellationRequested)
            {
                await Task.Delay(delay, time, cancellationToken);
                delay = TimeSpan.FromTicks(Math.Min(delay.Ticks * 2, s_maxTransientDelay.Ticks));
            }
        }
    }

    public Task StartingAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    public Task StartedAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    /// <summary>Before any service stops: finish publishing, stop delivering.</summary>
    public async Task StoppingAsync(CancellationToken cancellationToken) => await DisposeAsync();

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    public Task StoppedAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    public async ValueTask DisposeAsync()
    {
        _retention?.Dispose();
        if (_publisher is { } publisher)
        {
            _publisher = null;
            await publisher.DisposeAsync();
        }
        if (_agent is { } agent)
        {
            _agent = null;
            await agent.DisposeAsync();
        }
    }
}
