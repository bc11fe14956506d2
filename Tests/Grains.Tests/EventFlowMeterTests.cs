using Microsoft.Extensions.DependencyInjection;
using Rayswarm.Grains.Interfaces;

namespace Rayswarm.Grains.Tests;

/// <summary>The bus's rate meter on a fake clock: rates per type and in total over the last minute.</summary>
public sealed class EventFlowMeterTests
{
    private readonly FakeTimeProvider _time = new();

    private EventFlowMeter Meter() => new(new ServiceCollection().AddSingleton<TimeProvider>(_time).BuildServiceProvider());

    private static Dictionary<string, long> Published(params (string Type, long Count)[] counts) =>
        counts.ToDictionary(c => c.Type, c => c.Count, StringComparer.Ordinal);

    [Fact]
    public void Rates_are_the_growth_per_type_since_the_oldest_sample_of_the_window()
    {
        var meter = Meter();
        meter.Measure(Published(("a", 10)));
        _time.Advance(TimeSpan.FromSeconds(30));

        var flow = meter.Measure(Published(("a", 40), ("b", 6)));

        Assert.Equal(30, flow.WindowSeconds);
        Assert.Equal((36, 1.2), (flow.Events, flow.PerSecond));
        Assert.Equal([new EventTypeRate("a", 40, 30, 1.0), new EventTypeRate("b", 6, 6, 0.2)], flow.Types.OrderBy(t => t.EventType));
    }

    [Fact]
    public void A_baseline_older_than_the_window_is_scaled_to_one_minute()
    {
        var meter = Meter();
        meter.Measure(Published(("a", 0)));
        _time.Advance(TimeSpan.FromSeconds(30));
        meter.Measure(Published(("a", 30)));
        _time.Advance(TimeSpan.FromSeconds(40)); // the first sample is 70 s old, the second 40 s: the first stays the baseline

        var flow = meter.Measure(Published(("a", 100), ("b", 7)));

        Assert.Equal(60, flow.WindowSeconds);
        Assert.Equal([new EventTypeRate("a", 100, 86, 1.429), new EventTypeRate("b", 7, 6, 0.1)], flow.Types.OrderBy(t => t.EventType));
        _time.Advance(TimeSpan.FromSeconds(30)); // the 30 s sample is now 70 s old: it becomes the baseline
        Assert.Equal(new EventTypeRate("a", 100, 60, 1.0), meter.Measure(Published(("a", 100))).Types.Single());
    }
}
