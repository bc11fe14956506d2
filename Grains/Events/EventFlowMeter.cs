using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Rayswarm.Grains.Interfaces;

namespace Rayswarm.Grains;

/// <summary>
/// Measures the bus's recent publish rate, in total and per event type, without reading events: every <see cref="SamplePeriod"/>
/// it samples how many events of each type were ever published (the stream heads, one small query) and keeps the samples of
/// the last <see cref="Window"/>; a rate is the growth since the oldest kept sample. The counts are the cluster's, so every
/// silo's meter reports the same flow.
/// </summary>
public sealed class EventFlowMeter(IServiceProvider services) : BackgroundService
{
    /// <summary>The period the rate is measured over.</summary>
    public static readonly TimeSpan Window = TimeSpan.FromMinutes(1);

    /// <summary>How often the counts are sampled.</summary>
    public static readonly TimeSpan SamplePeriod = TimeSpan.FromSeconds(5);

    private readonly TimeProvider _time = services.GetService<TimeProvider>() ?? TimeProvider.System;
    private readonly Queue<(DateTimeOffset At, IReadOnlyDictionary<string, long> Published)> _samples = new();

    /// <summary>Records <paramref name="published"/> (events ever published, per type) as of now and returns the events of
    /// the measured window (at most <see cref="Window"/>, less just after the silo started) and their rates.</summary>
    public EventFlow Measure(IReadOnlyDictionary<string, long> published)
    {
        ArgumentNullException.ThrowIfNull(published);
        var now = _time.GetUtcNow();
        lock (_samples)
        {
            Record(now, published);
            var (at, baseline) = _samples.Peek();
            var seconds = (now - at).TotalSeconds;
            var types = published.Select(p =>
            {
                var (events, perSecond) = Rate(p.Value - baseline.GetValueOrDefault(p.Key), seconds);
                return new EventTypeRate(p.Key, p.Value, events, perSecond);
            }).ToList();
            var (total, totalPerSecond) = Rate(published.Values.Sum() - baseline.Values.Sum(), seconds);
            return new EventFlow(total, totalPerSecond, Math.Round(Math.Min(seconds, Window.TotalSeconds), 3), types);
        }
    }

    /// <summary>Events ever published per type (the key of each stream of the bus's namespace).</summary>
    public static IReadOnlyDictionary<string, long> PublishedByType(StreamStats stats)
    {
        ArgumentNullException.ThrowIfNull(stats);
        return stats.Streams
            .Where(s => s.Stream.GetNamespace() == IEventBusGrain.StreamNamespace)
            .ToDictionary(s => s.Stream.GetKeyAsString()!, s => s.Published, StringComparer.Ordinal);
    }

    /// <inheritdoc />
    public override async Task StartAsync(CancellationToken cancellationToken)
    {
        await SampleAsync(); // the baseline, before anything is published through this silo
        await base.StartAsync(cancellationToken);
    }

    /// <inheritdoc />
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        using var timer = new PeriodicTimer(SamplePeriod, _time);
        try
        {
            while (await timer.WaitForNextTickAsync(stoppingToken)) { await SampleAsync(); }
        }
        catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
        {
            // stopping
        }
    }

    // The events in the window and their rate per second; a baseline up to one sample period older than the window is scaled
    // to exactly the window.
    private static (long Events, double PerSecond) Rate(long growth, double seconds)
    {
        var events = Math.Max(0, growth);
        var perSecond = seconds <= 0 ? 0 : events / seconds;
        return (seconds > Window.TotalSeconds ? (long)Math.Round(perSecond * Window.TotalSeconds) : events, Math.Round(perSecond, 3));
    }

    private async Task SampleAsync()
    {
        if (services.GetService<IEventStreams>() is not { } streams) { return; } // no streams on this host
        try
        {
            var published = PublishedByType(await streams.GetStatsAsync(IEventBusGrain.StreamNamespace));
            lock (_samples) { Record(_time.GetUtcNow(), published); }
        }
        catch (Exception e) when (e is not OperationCanceledException)
        {
            // A missed sample only widens the window's resolution; the next one is 5 seconds away.
        }
    }

    private void Record(DateTimeOffset now, IReadOnlyDictionary<string, long> published)
    {
        // Keep the newest sample at least a window old as the baseline, and nothing older.
        while (_samples.Count > 1 && now - _samples.ElementAt(1).At >= Window) { _samples.Dequeue(); }
        _samples.Enqueue((now, published));
    }
}
