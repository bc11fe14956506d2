using Microsoft.Extensions.Configuration;

namespace Rayswarm.Grains.Tests;

/// <summary>How hosts read <see cref="TelemetryOptions"/> from configuration.</summary>
public sealed class TelemetryOptionsTests
{
    private static TelemetryOptions From(params (string Key, string Value)[] settings) => TelemetryOptions.From(
        new ConfigurationBuilder().AddInMemoryCollection(settings.Select(s => KeyValuePair.Create(s.Key, (string?)s.Value))).Build(),
        "rayswarm-test", prometheus: true);

    [Fact]
    public void Message_metrics_and_traces_are_off_unless_asked_for()
    {
        var options = From();

        Assert.Equal((false, false, true), (options.MessageMetrics, options.Traces, options.Metrics));
        Assert.True(From((TelemetryOptions.MessageMetricsKey, "true")).MessageMetrics);
        Assert.True(From((TelemetryOptions.OtlpEndpointKey, "http://collector:4317")).Traces);
        Assert.False(From((TelemetryOptions.OtlpEndpointKey, "http://collector:4317"), (TelemetryOptions.TracesKey, "false")).Traces);
    }

    [Fact]
    public void A_switch_that_is_not_a_boolean_names_its_environment_variable()
    {
        var error = Assert.Throws<InvalidOperationException>(() => From((TelemetryOptions.MessageMetricsKey, "yes")));

        Assert.Contains("Rayswarm__Telemetry__MessageMetrics", error.Message);
        Assert.Contains("'yes'", error.Message);
    }
}
