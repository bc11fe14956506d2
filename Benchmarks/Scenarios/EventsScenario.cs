using System.Collections.Concurrent;
using System.Diagnostics;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Rayswarm.Runtime.Abstractions;
using Rayswarm.Runtime.Core;
using Rayswarm.Runtime.Sqlite;

namespace Rayswarm.Benchmarks;

/// <summary>
/// <c>events</c>: durable events in the embedded store (SQLite, WAL) published by concurrent publishers to streams
/// <c>ml.0</c>…<c>ml.15</c>; four subscriber grains subscribed to <c>ml.*</c> receive them. <c>ops_per_sec</c> counts
/// deliveries per second; latency is publish → handler; <c>lost</c> counts acknowledged events never delivered.
/// </summary>
public static class EventsScenario
{
    private const int Publishers = 32;
    private const int Subscribers = 4;
    private const int Streams = 16;

    public static async Task<BenchmarkResult> RunAsync(BenchmarkArguments args)
    {
        var directory = Directory.CreateTempSubdirectory("rayswarm-events-").FullName;
        var builder = Host.CreateApplicationBuilder();
        builder.Logging.ClearProviders();
        builder.UseSilo(silo => silo.AddMemoryGrainStorage().AddStreams().UseSqliteStreamLog(o => o.DatabasePath = Path.Combine(directory, "events.db")));
        using var host = builder.Build();
        await host.StartAsync();
        var grains = host.Services.GetRequiredService<IGrainFactory>();
        var streams = host.Services.GetRequiredService<IStreamProvider>();
        EventSink.Reset();
        for (var i = 0; i < Subscribers; i++) { await streams.SubscribeAsync("bench", "ml.*", grains.GetGrain<IEventSinkGrain>(i).GetGrainId()); }

        var acknowledged = new ConcurrentDictionary<string, byte>();
        using var stop = new CancellationTokenSource(args.Duration);
        var started = Stopwatch.GetTimestamp();
        await Task.WhenAll(Enumerable.Range(0, Publishers).Select(p => Task.Run(async () =>
        {
            for (var n = 0; !stop.IsCancellationRequested; n++)
            {
                var published = await streams.PublishAsync(new StreamId("bench", $"ml.{(p + n) % Streams}"), Stopwatch.GetTimestamp());
                acknowledged.TryAdd(published.EventId, 0);
            }
        })));
        var publishing = Stopwatch.GetElapsedTime(started);
        var expected = (long)acknowledged.Count * Subscribers;
        var deadline = Stopwatch.GetTimestamp() + (Stopwatch.Frequency * 60);
        while (EventSink.Delivered < expected && Stopwatch.GetTimestamp() < deadline) { await Task.Delay(20); }
        var elapsed = Stopwatch.GetElapsedTime(started);

        var lost = acknowledged.Keys.Sum(id => Math.Max(0, Subscribers - EventSink.Copies(id)));
        await Console.Error.WriteLineAsync($"{acknowledged.Count:N0} events published in {publishing.TotalSeconds:F1} s, {EventSink.Delivered:N0} deliveries in {elapsed.TotalSeconds:F1} s, lost {lost}");
        await host.StopAsync();
        Directory.Delete(directory, recursive: true);
        return new BenchmarkResult("events", EventSink.Delivered / elapsed.TotalSeconds, EventSink.Latency.PercentileUs(50), EventSink.Latency.PercentileUs(99))
            .With("store", "sqlite")
            .With("published", acknowledged.Count)
            .With("subscribers", Subscribers)
            .With("pattern", "ml.*")
            .With("lost", lost);
    }
}
