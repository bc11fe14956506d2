using System.Collections.Concurrent;
using System.Diagnostics.Metrics;
using Microsoft.Extensions.DependencyInjection;
using Rayswarm.Grains.Interfaces;

namespace Rayswarm.Grains.Tests;

/// <summary>The event counters of the <c>Rayswarm</c> meter (docs/operations.md): stored, delivered and dead-lettered bus events
/// by the first segment of their type, read from this silo's meter alone.</summary>
public sealed class EventMetricsTests : IAsyncLifetime
{
    private readonly ConcurrentDictionary<(string Instrument, string Category), long> _counts = new();
    private readonly MeterListener _listener = new();
    private EventsSilo _silo = null!;

    public async Task InitializeAsync()
    {
        _silo = await EventsSilo.StartAsync();
        var factory = _silo.Host.Services.GetRequiredService<IMeterFactory>();
        // Meters are process-wide; this silo's are those its host's factory made.
        _listener.InstrumentPublished = (instrument, listener) =>
        {
            if (instrument.Meter.Name == RayswarmMetrics.MeterName && ReferenceEquals(instrument.Meter.Scope, factory)) { listener.EnableMeasurementEvents(instrument); }
        };
        _listener.SetMeasurementEventCallback<long>((instrument, value, tags, _) =>
        {
            var category = "";
            foreach (var tag in tags)
            {
                if (tag.Key == RayswarmMetrics.EventCategoryTag) { category = (string)tag.Value!; }
            }
            _counts.AddOrUpdate((instrument.Name, category), value, (_, sum) => sum + value);
        });
        _listener.Start();
    }

    public async Task DisposeAsync()
    {
        _listener.Dispose();
        await _silo.DisposeAsync();
    }

    [Fact]
    public async Task Published_delivered_and_dead_lettered_events_are_counted_by_the_first_segment_of_their_type()
    {
        await using var failing = EventEndpoint.Start();
        failing.Status = 500;
        await _silo.Registry.Register(new DomainRegistration("metrics_failing", null, failing.BaseAddress, ["listen"]));
        await _silo.Bus.Subscribe(new SubscribeRequest("metrics_failing", "metricsdl.*"));
        await _silo.Bus.Subscribe(new SubscribeRequest(RecordingWorkerGrain.First, "metricsok.#"));

        await _silo.Bus.Publish(new PublishRequest("metricsok.deep.ping", "metrics_tests"));
        await _silo.Bus.Publish(new PublishRequest("metricsdl.ping", "metrics_tests"));

        await Eventually.True(() => Count("rayswarm.events.delivered", "metricsok") == 1 && Count("rayswarm.events.dead_lettered", "metricsdl") == 1,
            "one delivery and one dead letter");
        Assert.Equal((1, 1), (Count("rayswarm.events.published", "metricsok"), Count("rayswarm.events.published", "metricsdl")));
        Assert.Equal((0, 0), (Count("rayswarm.events.delivered", "metricsdl"), Count("rayswarm.events.dead_lettered", "metricsok")));
        Assert.Equal(EventsSilo.MaxAttempts, failing.Requests.Count);
    }

    private long Count(string instrument, string category) => _counts.GetValueOrDefault((instrument, category));
}
