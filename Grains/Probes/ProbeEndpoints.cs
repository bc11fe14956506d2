using System.Globalization;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;

namespace Rayswarm.Grains;

/// <summary>
/// The probes both hosts serve (docs/operations.md, Health), cheap and without a key: <c>GET /healthz</c> is 200 while the
/// process runs (liveness); <c>GET /readyz</c> is 200 once the host has started and every <see cref="IReadinessCheck"/> passes,
/// and 503 (a problem with the reason and <c>Retry-After</c>) before that and from the moment it begins to stop (readiness).
/// </summary>
public static class ProbeEndpoints
{
    /// <summary>Liveness.</summary>
    public const string HealthPath = "/healthz";

    /// <summary>Readiness.</summary>
    public const string ReadyPath = "/readyz";

    /// <summary>The Prometheus scrape endpoint (<see cref="TelemetryHostingExtensions.MapMetrics"/>).</summary>
    public const string MetricsPath = "/metrics";

    /// <summary>Seconds a client waits before it asks again after a 503.</summary>
    public const int RetryAfterSeconds = 2;

    /// <summary>Whether <paramref name="path"/> is a probe or the scrape endpoint: no traces, and served by a stopping host.</summary>
    public static bool IsOperationsPath(PathString path) =>
        path.Equals(HealthPath, StringComparison.OrdinalIgnoreCase) || path.Equals(ReadyPath, StringComparison.OrdinalIgnoreCase)
        || path.Equals(MetricsPath, StringComparison.OrdinalIgnoreCase);

    /// <summary>Maps <c>/healthz</c> and <c>/readyz</c>. The readiness of <paramref name="host"/> (its lifetime and its
    /// <see cref="IReadinessCheck"/>s) is reported; by default the routes' own host's.</summary>
    public static IEndpointRouteBuilder MapProbes(this IEndpointRouteBuilder routes, IServiceProvider? host = null)
    {
        ArgumentNullException.ThrowIfNull(routes);
        var services = host ?? routes.ServiceProvider;
        var lifetime = services.GetRequiredService<IHostApplicationLifetime>();
        // Resolved on the first probe, not while the host is still being put together (the silo's checks need its runtime).
        var checks = new Lazy<IReadinessCheck[]>(() => [.. services.GetServices<IReadinessCheck>()]);
        routes.MapGet(HealthPath, () => Results.Json(new { status = "alive" }))
            .WithName("Liveness").AllowAnonymous().ExcludeFromDescription().DisableHttpMetrics();
        routes.MapGet(ReadyPath, (HttpContext context) =>
        {
            if (WhyNotReady(lifetime, checks) is not { } reason) { return Results.Json(new { status = "ready" }); }
            context.Response.Headers.RetryAfter = RetryAfterSeconds.ToString(CultureInfo.InvariantCulture);
            return Results.Problem(title: "Not ready", detail: reason, statusCode: StatusCodes.Status503ServiceUnavailable);
        }).WithName("Readiness").AllowAnonymous().ExcludeFromDescription().DisableHttpMetrics();
        return routes;
    }

    private static string? WhyNotReady(IHostApplicationLifetime lifetime, Lazy<IReadinessCheck[]> checks)
    {
        if (lifetime.ApplicationStopping.IsCancellationRequested) { return "The process is stopping."; }
        if (!lifetime.ApplicationStarted.IsCancellationRequested) { return "The process is starting."; }
        foreach (var check in checks.Value)
        {
            if (check.WhyNotReady() is { } reason) { return reason; }
        }
        return null;
    }
}
