using System.Collections.Concurrent;
using System.Diagnostics;
using Microsoft.Extensions.DependencyInjection;
using Rayswarm.Grains.Providers;

namespace Rayswarm.Benchmarks;

/// <summary>
/// <c>events</c>: durable events in the embedded store (the product's silo on one SQLite file) published through
/// <see cref="IEventStreams.PublishAsync"/> by 32 concurrent publishers to streams <c>ml.0</c>…<c>ml.15</c>; four subscriber
/// grains subscribed to <c>ml.*</c> receive them through the event log's Orleans stream provider. <c>ops_per_sec</c> counts
/// deliveries per second; latency is publish → handler; <c>lost</c> counts acknowledged deliveries that never happened.
/// Baseline, same run, before anyone subscribes: the same publishers appending to the same log (another namespace);
/// <c>ratio</c> = events published per second with the subscribers / <c>baseline_appends_per_sec</c>.
/// </summary>
public static class EventsScenario
{
    private const int DefaultPublishers = 32;
    private const int Subscribers = 4;
    private const int Streams = 16;
    private const string Pattern = "ml.*";

    public static async Task<BenchmarkResult> RunAsync(BenchmarkArguments args)
    {
        // --variant publishers=N,poll=MS,pump=MS: more publishers; other poll or pump periods than the product's (EventLogStreamOptions).
        var variant = (args.Variant ?? "").Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)
            .Select(v => v.Split('=')).ToDictionary(kv => kv[0], kv => int.Parse(kv[^1], System.Globalization.CultureInfo.InvariantCulture), StringComparer.Ordinal);
        var publishers = variant.GetValueOrDefault("publishers", DefaultPublishers);
        await using var silo = await BenchSilo.StartAsync(s => s.Services.Configure<EventLogStreamOptions>(o =>
        {
            if (variant.TryGetValue("poll", out var poll)) { o.PollPeriod = TimeSpan.FromMilliseconds(poll); }
            if (variant.TryGetValue("pump", out var pump)) { o.PumpPeriod = TimeSpan.FromMilliseconds(pump); }
        }));
        var options = silo.Services.GetRequiredService<Microsoft.Extensions.Options.IOptions<EventLogStreamOptions>>().Value;
        var streams = silo.Services.GetRequiredService<IEventStreams>();

        // Baseline: appends only (nobody subscribed to anything); a short warm-up first.
        await PublishAsync(streams, "bench-baseline", publishers, TimeSpan.FromSeconds(Math.Min(2, args.Duration.TotalSeconds / 2)), null);
        var baselineCpu = CpuMeter.Start();
        var (baselineCount, baselineElapsed) = await PublishAsync(streams, "bench-baseline", publishers, args.Duration, null);
        var cpuPerAppend = baselineCpu.MicrosecondsPer(baselineCount);
        var baselinePerSec = baselineCount / baselineElapsed.TotalSeconds;
        await Console.Error.WriteLineAsync($"baseline: {baselinePerSec:N0} appends/s with nobody subscribed");

        EventSink.Reset();
        for (var i = 0; i < Subscribers; i++) { await streams.SubscribeAsync("bench", Pattern, silo.Grains.GetGrain<IEventSinkGrain>(i).GetGrainId()); }
        var acknowledged = new ConcurrentDictionary<string, byte>(StringComparer.Ordinal);
        var cpu = CpuMeter.Start();
        var started = Stopwatch.GetTimestamp();
        var (published, publishing) = await PublishAsync(streams, "bench", publishers, args.Duration, acknowledged);
        var expected = (long)acknowledged.Count * Subscribers;
        var deadline = Stopwatch.GetTimestamp() + (Stopwatch.Frequency * 60);
        while (EventSink.Delivered < expected && Stopwatch.GetTimestamp() < deadline) { await Task.Delay(10); }
        var elapsed = Stopwatch.GetElapsedTime(started);
        var cpuPerDelivery = cpu.MicrosecondsPer(EventSink.Delivered);

        var lost = acknowledged.Keys.Sum(id => (long)Math.Max(0, Subscribers - EventSink.Copies(id)));
        var latency = EventSink.Latency();
        await Console.Error.WriteLineAsync(
            $"{published:N0} events published in {publishing.TotalSeconds:F1} s, {EventSink.Delivered:N0} deliveries in {elapsed.TotalSeconds:F1} s, lost {lost}");
        return new BenchmarkResult("events", EventSink.Delivered / elapsed.TotalSeconds, latency.PercentileUs(50), latency.PercentileUs(99))
            .With("store", "sqlite")
            .With("published", published)
            .With("published_per_sec", Math.Round(published / publishing.TotalSeconds))
            .With("publishers", publishers)
            .With("poll_ms", options.PollPeriod.TotalMilliseconds)
            .With("pump_ms", options.PumpPeriod.TotalMilliseconds)
            .With("subscribers", Subscribers)
            .With("pattern", Pattern)
            .With("lost", lost)
            .With("cpu_us_per_delivery", Math.Round(cpuPerDelivery, 1))
            .With("baseline_appends_per_sec", Math.Round(baselinePerSec))
            .With("baseline_cpu_us_per_append", Math.Round(cpuPerAppend, 1))
            .With("ratio", published / publishing.TotalSeconds / baselinePerSec);
    }

    /// <summary><paramref name="publishers"/> closed loops publishing to <paramref name="streamNamespace"/>/ml.N for
    /// <paramref name="duration"/>; the payload is the publish's start timestamp. Returns the events acknowledged.</summary>
    private static async Task<(long Count, TimeSpan Elapsed)> PublishAsync(IEventStreams streams, string streamNamespace, int publishers, TimeSpan duration,
        ConcurrentDictionary<string, byte>? acknowledged)
    {
        long count = 0;
        using var stop = new CancellationTokenSource(duration);
        var started = Stopwatch.GetTimestamp();
        await Task.WhenAll(Enumerable.Range(0, publishers).Select(p => Task.Run(async () =>
        {
            for (var n = 0; !stop.IsCancellationRequested; n++)
            {
                var stored = await streams.PublishAsync(StreamId.Create(streamNamespace, $"ml.{(p + n) % Streams}"), Stopwatch.GetTimestamp());
                acknowledged?.TryAdd(stored.EventId, 0);
                Interlocked.Increment(ref count);
            }
        })));
        return (count, Stopwatch.GetElapsedTime(started));
    }
}
