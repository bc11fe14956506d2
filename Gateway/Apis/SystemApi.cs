using Rayswarm.Grains;
using Rayswarm.Grains.Interfaces;

namespace Rayswarm.Gateway;

/// <summary>The <c>/domains/system</c> endpoints, and the operators' ones (docs/operations.md): the probes <c>/healthz</c> and
/// <c>/readyz</c> (no key; the same as a silo's) and <c>/metrics</c> (Prometheus text; a key with <c>read</c> once keys are
/// configured).</summary>
internal static class SystemApi
{
    private static readonly TimeSpan s_healthTimeout = TimeSpan.FromSeconds(5);

    public static IEndpointRouteBuilder MapSystemApi(this IEndpointRouteBuilder routes)
    {
        routes.MapProbes();
        routes.MapMetrics();
        var system = routes.MapGroup("/domains/system").WithTags("System");
        system.MapGet("/health", GetHealthAsync).WithName("GetSystemHealth").AllowAnonymous()
            .WithSummary("200 when the silo or cluster can serve; 503 with the failing checks when it cannot.");
        system.MapGet("/overview", (IGrainFactory grains) => grains.GetGrain<ISystemOverviewGrain>(ISystemOverviewGrain.Key).GetOverview())
            .WithName("GetSystemOverview")
            .WithSummary("Domains and their health, event flow rates, knowledge totals, workflows and the running ones.");
        return routes;
    }

    /// <summary>200 with the checks when the silo can serve; 503 (with <c>Retry-After</c>) with the failing checks when it cannot.</summary>
    private static async Task<IResult> GetHealthAsync(IGrainFactory grains, HttpContext context, CancellationToken cancellationToken)
    {
        HealthReport report;
        try
        {
            report = await grains.GetGrain<ISystemGrain>(ISystemGrain.Key).CheckHealth().WaitAsync(s_healthTimeout, cancellationToken);
        }
        catch (Exception e) when (!cancellationToken.IsCancellationRequested)
        {
            // Health is a diagnosis: whatever stops the silo from serving is a 503 with the reason, never a 500.
            context.Response.Headers.RetryAfter = ClusterUnavailability.RetryAfter;
            return Results.Problem(title: "The silo cannot serve", detail: e.Message, statusCode: StatusCodes.Status503ServiceUnavailable);
        }
        if (report.IsHealthy) { return Results.Ok(report); }
        context.Response.Headers.RetryAfter = ClusterUnavailability.RetryAfter;
        return Results.Json(report, statusCode: StatusCodes.Status503ServiceUnavailable);
    }
}
