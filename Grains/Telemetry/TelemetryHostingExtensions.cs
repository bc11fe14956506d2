using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging.Console;
using OpenTelemetry.Logs;
using OpenTelemetry.Metrics;
using OpenTelemetry.Resources;
using OpenTelemetry.Trace;

namespace Rayswarm.Grains;

/// <summary>
/// The OpenTelemetry wiring of both hosts (docs/operations.md): the meters of the domain system, Orleans, ASP.NET Core, HttpClient
/// and the runtime; spans of ASP.NET Core, HttpClient, Orleans' grain calls and the workflow steps; the Prometheus scrape
/// endpoint; OTLP export of all three signals when <c>OTEL_EXPORTER_OTLP_ENDPOINT</c> is set; trace ids in JSON console logs.
/// </summary>
public static class TelemetryHostingExtensions
{
    /// <summary>Orleans' runtime meter (<c>OrleansInstruments</c>).</summary>
    public const string OrleansMeterName = "Microsoft.Orleans";

    /// <summary>Orleans' spans of application grain calls (<c>Orleans.Diagnostics.ActivitySources</c>).</summary>
    public const string OrleansApplicationSourceName = "Microsoft.Orleans.Application";

    /// <summary>Orleans' spans of calls to its own system grains and targets.</summary>
    public const string OrleansRuntimeSourceName = "Microsoft.Orleans.Runtime";

    private static readonly string[] s_meters =
    [
        RayswarmMetrics.MeterName, OrleansMeterName,
        "Microsoft.AspNetCore.Hosting", "Microsoft.AspNetCore.Server.Kestrel", "System.Net.Http", "System.Runtime",
    ];

    /// <summary>Adds telemetry as <paramref name="options"/> say (<see cref="TelemetryOptions.From"/>). The silo or client builder
    /// adds Orleans' trace propagation itself when <see cref="TelemetryOptions.Traces"/> is on (<c>AddActivityPropagation</c>).</summary>
    public static IHostApplicationBuilder AddRayswarmTelemetry(this IHostApplicationBuilder builder, TelemetryOptions options)
    {
        ArgumentNullException.ThrowIfNull(builder);
        ArgumentNullException.ThrowIfNull(options);
        builder.Services.AddSingleton(options);
        // Hosts put TraceId and SpanId in the log scope (ActivityTrackingOptions); the JSON formatter shows them with scopes on.
        builder.Services.Configure<JsonConsoleFormatterOptions>(json => json.IncludeScopes = true);
        if (!options.Metrics && !options.Traces) { return builder; }

        var telemetry = builder.Services.AddOpenTelemetry().ConfigureResource(resource => resource.AddService(options.ServiceName));
        if (options.Metrics)
        {
            telemetry.WithMetrics(metrics =>
            {
                metrics.AddMeter(s_meters);
                if (!options.MessageMetrics) { metrics.AddView(OrleansMessageInstruments.DropView); }
                if (options.Prometheus) { metrics.AddPrometheusExporter(); }
                if (options.Otlp) { metrics.AddOtlpExporter(); }
            });
        }
        if (options.Traces)
        {
            telemetry.WithTracing(tracing =>
            {
                tracing.AddSource(RayswarmTracing.SourceName, OrleansApplicationSourceName, OrleansRuntimeSourceName, "System.Net.Http");
                // Probes and scrapes come every few seconds and say nothing about requests.
                tracing.AddAspNetCoreInstrumentation(aspNetCore => aspNetCore.Filter = context => !ProbeEndpoints.IsOperationsPath(context.Request.Path));
                if (options.Otlp) { tracing.AddOtlpExporter(); }
            });
        }
        if (options.Otlp)
        {
            telemetry.WithLogging(logging => logging.AddOtlpExporter(), logger => (logger.IncludeScopes, logger.IncludeFormattedMessage) = (true, true));
        }
        return builder;
    }

    /// <summary>Maps <c>GET /metrics</c>: the metrics of <paramref name="host"/> (by default the routes' own host) in Prometheus'
    /// text format, when its <see cref="TelemetryOptions.Prometheus"/> is on (nothing otherwise: the stdio MCP server serves no
    /// HTTP). Its own requests are left out of the HTTP metrics.</summary>
    public static IEndpointRouteBuilder MapMetrics(this IEndpointRouteBuilder routes, IServiceProvider? host = null)
    {
        ArgumentNullException.ThrowIfNull(routes);
        var services = host ?? routes.ServiceProvider;
        if (services.GetService<TelemetryOptions>() is not { Prometheus: true }) { return routes; }
        routes.MapPrometheusScrapingEndpoint(ProbeEndpoints.MetricsPath, services.GetRequiredService<MeterProvider>(), configureBranchedPipeline: null, optionsName: null)
            .WithName("Metrics").ExcludeFromDescription().DisableHttpMetrics();
        return routes;
    }
}
