using Rayswarm.Grains;

namespace Rayswarm.Gateway;

/// <summary>
/// Once the gateway stops (SIGTERM, Ctrl+C: the host's <see cref="IHostApplicationLifetime.ApplicationStopping"/>), a request
/// that still arrives (on a kept-alive connection, before the server stops listening) gets 503 with <c>Retry-After</c> and
/// <c>Connection: close</c> at once, instead of starting work on a silo that stops with the gateway (embedded) or on a
/// cluster client about to be disposed: the client sends it again, to another gateway. Requests already running finish.
/// MCP requests get the same status with a JSON-RPC error body. The probes and <c>/metrics</c> are still served.
/// </summary>
internal sealed class StoppingGate(RequestDelegate next, IHostApplicationLifetime lifetime)
{
    public Task InvokeAsync(HttpContext context)
    {
        // Probes and scrapes do no work on the cluster: /readyz says 503 itself, /healthz stays 200 while the process lives.
        if (!lifetime.ApplicationStopping.IsCancellationRequested || ProbeEndpoints.IsOperationsPath(context.Request.Path)) { return next(context); }
        context.Response.Headers.RetryAfter = ClusterUnavailability.RetryAfter;
        context.Response.Headers.Connection = "close";
        if (context.Request.Path.StartsWithSegments("/mcp", StringComparison.OrdinalIgnoreCase))
        {
            return McpHttpErrors.Result(StatusCodes.Status503ServiceUnavailable, -32000, ClusterUnavailability.StoppingDetail).ExecuteAsync(context);
        }
        return Problems.WriteAsync(context, StatusCodes.Status503ServiceUnavailable, ClusterUnavailability.StoppingTitle, ClusterUnavailability.StoppingDetail);
    }
}
