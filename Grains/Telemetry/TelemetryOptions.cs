using Microsoft.Extensions.Configuration;

namespace Rayswarm.Grains;

/// <summary>
/// What a host reports and where (docs/operations.md). Metrics are collected when someone can read them: the host serves
/// <c>/metrics</c> (<see cref="Prometheus"/>) or exports over OTLP. Spans are recorded, and Orleans carries the trace context
/// through grain calls, only when <see cref="Traces"/> is on: by default when OTLP export is configured
/// (<c>OTEL_EXPORTER_OTLP_ENDPOINT</c>), or explicitly with <c>Rayswarm:Telemetry:Traces</c>. Off, grain calls pay nothing for
/// tracing (no propagation filters).
/// </summary>
public sealed class TelemetryOptions
{
    /// <summary>Configuration key (environment variable <c>Rayswarm__Telemetry__Traces</c>): <c>true</c> or <c>false</c>.</summary>
    public const string TracesKey = "Rayswarm:Telemetry:Traces";

    /// <summary>Configuration key (environment variable <c>Rayswarm__Telemetry__MessageMetrics</c>): <c>true</c> exports Orleans'
    /// per-message instruments too (<see cref="OrleansMessageInstruments"/>), which cost every grain call.</summary>
    public const string MessageMetricsKey = "Rayswarm:Telemetry:MessageMetrics";

    /// <summary>OpenTelemetry's standard variable: where to send traces, metrics and logs over OTLP.</summary>
    public const string OtlpEndpointKey = "OTEL_EXPORTER_OTLP_ENDPOINT";

    /// <summary>OpenTelemetry's standard variable that names the service (wins over <see cref="ServiceName"/>).</summary>
    public const string ServiceNameKey = "OTEL_SERVICE_NAME";

    /// <summary>The service name of the exported telemetry (<c>rayswarm-gateway</c>, <c>rayswarm-silo</c>).</summary>
    public required string ServiceName { get; init; }

    /// <summary>Whether the host serves <c>/metrics</c> in Prometheus' text format.</summary>
    public bool Prometheus { get; init; }

    /// <summary>Whether traces, metrics and logs go to an OTLP endpoint (<see cref="OtlpEndpointKey"/> is set).</summary>
    public bool Otlp { get; init; }

    /// <summary>Whether spans are recorded and trace context flows through grain calls.</summary>
    public bool Traces { get; init; }

    /// <summary>Whether Orleans' per-message instruments are exported (<see cref="OrleansMessageInstruments"/>; default off).</summary>
    public bool MessageMetrics { get; init; }

    /// <summary>Whether metrics are collected at all.</summary>
    public bool Metrics => Prometheus || Otlp;

    /// <summary>Reads the options of a host named <paramref name="serviceName"/>; throws <see cref="InvalidOperationException"/>
    /// naming a bad setting.</summary>
    public static TelemetryOptions From(IConfiguration configuration, string serviceName, bool prometheus)
    {
        ArgumentNullException.ThrowIfNull(configuration);
        ArgumentException.ThrowIfNullOrWhiteSpace(serviceName);
        var endpoint = configuration[OtlpEndpointKey];
        var otlp = !string.IsNullOrWhiteSpace(endpoint);
        if (otlp && !Uri.TryCreate(endpoint, UriKind.Absolute, out _))
        {
            throw new InvalidOperationException($"{OtlpEndpointKey} must be an absolute URL such as http://collector:4317 (was '{endpoint}').");
        }
        var traces = Switch(configuration, TracesKey, otlp);
        return new TelemetryOptions
        {
            ServiceName = configuration[ServiceNameKey] is { Length: > 0 } named ? named : serviceName,
            Prometheus = prometheus,
            Otlp = otlp,
            Traces = traces,
            MessageMetrics = Switch(configuration, MessageMetricsKey, false),
        };
    }

    private static bool Switch(IConfiguration configuration, string key, bool unset) => configuration[key] switch
    {
        null or "" => unset,
        var text when bool.TryParse(text, out var on) => on,
        var text => throw new InvalidOperationException($"{key} ({key.Replace(":", "__", StringComparison.Ordinal)}) must be true or false (was '{text}')."),
    };
}
