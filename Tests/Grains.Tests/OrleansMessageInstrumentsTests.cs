using System.Diagnostics.Metrics;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;

namespace Rayswarm.Grains.Tests;

/// <summary>Orleans' per-message instruments stay disabled under our telemetry and the dashboard, so grain calls do not pay
/// for them (docs/operations.md), unless <see cref="TelemetryOptions.MessageMetrics"/> asks for them.</summary>
public sealed class OrleansMessageInstrumentsTests
{
    [Fact]
    public async Task Telemetry_and_the_dashboard_leave_the_per_message_instruments_disabled()
    {
        var (perMessage, others) = await OrleansInstrumentsAsync(messageMetrics: false);

        Assert.Equal(OrleansMessageInstruments.Names.Order(StringComparer.Ordinal), perMessage.Keys.Order(StringComparer.Ordinal));
        Assert.All(perMessage, instrument => Assert.False(instrument.Value, $"{instrument.Key} is enabled"));
        Assert.Contains(true, others.Values); // the rest of Orleans' meter is exported
    }

    [Fact]
    public async Task Message_metrics_turn_them_on()
    {
        var (perMessage, _) = await OrleansInstrumentsAsync(messageMetrics: true);

        Assert.Equal(OrleansMessageInstruments.Names.Count, perMessage.Count);
        Assert.All(perMessage, instrument => Assert.True(instrument.Value, $"{instrument.Key} is disabled"));
    }

    /// <summary>Starts a silo with the dashboard and our telemetry, makes a grain call, and reads whether each instrument of its
    /// Orleans meter is enabled (by someone else: this listener only looks).</summary>
    private static async Task<(Dictionary<string, bool> PerMessage, Dictionary<string, bool> Others)> OrleansInstrumentsAsync(bool messageMetrics)
    {
        await using var silo = await TelemetrySilo.StartAsync(messageMetrics);
        await silo.Grains.GetGrain<IManagementGrain>(0).GetHosts();
        var factory = silo.Host.Services.GetRequiredService<IMeterFactory>();
        var instruments = new List<Instrument>();
        using (var listener = new MeterListener())
        {
            listener.InstrumentPublished = (instrument, _) =>
            {
                if (instrument.Meter.Name == TelemetryHostingExtensions.OrleansMeterName && ReferenceEquals(instrument.Meter.Scope, factory))
                {
                    lock (instruments) { instruments.Add(instrument); }
                }
            };
            listener.Start();
        }
        var enabled = instruments.ToDictionary(i => i.Name, i => i.Enabled, StringComparer.Ordinal);
        return (enabled.Where(e => OrleansMessageInstruments.Names.Contains(e.Key)).ToDictionary(),
            enabled.Where(e => !OrleansMessageInstruments.Names.Contains(e.Key)).ToDictionary());
    }

    private sealed class TelemetrySilo(IHost host) : DomainSilo(host, folder: null)
    {
        public static async Task<TelemetrySilo> StartAsync(bool messageMetrics) => new(await StartHostAsync(
            builder => builder.AddRayswarmTelemetry(new TelemetryOptions { ServiceName = "rayswarm-test", Prometheus = true, MessageMetrics = messageMetrics }),
            silo => silo.AddClusterDashboard()));
    }
}
