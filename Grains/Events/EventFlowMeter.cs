using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Rayswarm.Grains.Interfaces;

namespace Rayswarm.Grains;

/// <summary>
/// Measures the bus's recent publish rate without reading events: every <see cref="SamplePeriod"/> it samples the total ever
/// published (the sum of the stream heads, one small query) and keeps the samples of the last <see cref="Window"/>; the rate is
/// the growth since the oldest kept sample. The total is the cluster's, so every silo's meter reports the same flow.
/// </summary>
public sealed class EventFlowMeter(IServiceProvider services) : BackgroundService
{
    /// <summary>The period the rate is measured over.</summary>
    public static readonly TimeSpan Window = TimeSpan.FromMinutes(1);

    /// <summary>How often the total is sampled.</summary>
    public static readonly TimeSpan SamplePeriod = TimeSpan.FromSeconds(5);

    private readonly TimeProvider _time = services.GetService<TimeProvider>() ?? TimeProvider.System;
    private readonly Queue<(DateTimeOffset At, long Total)> _samples = new();

    /// <summary>Records <paramref name="total"/> as of now and returns the events of the measured window (at most
    /// <see cref="Window"/>, less just after the silo started) and their rate per second.</summary>
    public (long Events, double PerSecond) Measure(long total)
    {
        var now = _time.GetUtcNow();
        lock (_samples)
        {
            Record(now, total);
            var (at, baseline) = _samples.Peek();
            var seconds = (now - at).TotalSeconds;
            var events = Math.Max(0, total - baseline);
            var perSecond = seconds <= 0 ? 0 : events / seconds;
            // The baseline may be up to one sample period older than the window: scale to exactly the window then.
            return (seconds > Window.TotalSeconds ? (long)Math.Round(perSecond * Window.TotalSeconds) : events, Math.Round(perSecond, 3));
        }
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

    private async Task SampleAsync()
    {
        if (services.GetService<IEventStreams>() is not { } streams) { return; } // no streams on this host
        try
        {
            var stats = await streams.GetStatsAsync(IEventBusGrain.StreamNamespace);
            var total = stats.Streams.Sum(s => s.Published);
            lock (_samples) { Record(_time.GetUtcNow(), total); }
        }
        catch (Exception e) when (e is not OperationCanceledException)
        {
            // A missed sample only widens the window's resolution; the next one is 5 seconds away.
        }
    }

    private void Record(DateTimeOffset now, long total)
    {
        // Keep the newest sample at least a window old as the baseline, and nothing older.
        while (_samples.Count > 1 && now - _samples.ElementAt(1).At >= Window) { _samples.Dequeue(); }
        _samples.Enqueue((now, total));
    }
}
