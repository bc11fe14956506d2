using System.Net;

namespace Rayswarm.Gateway;

/// <summary>DNS-rebinding protection for <c>/mcp</c> (middleware): a request whose <c>Origin</c> is neither loopback (by
/// default) nor configured in <see cref="McpOptions.AllowedOrigins"/> gets 403. Requests without <c>Origin</c>
/// (non-browser clients) pass.</summary>
internal sealed class McpOriginCheck(RequestDelegate next, McpOptions options)
{
    public Task InvokeAsync(HttpContext context)
    {
        var origin = context.Request.Headers.Origin.ToString();
        if (origin.Length > 0 && !IsAllowed(origin))
        {
            return McpHttpErrors.Result(StatusCodes.Status403Forbidden, -32000, $"Forbidden: the origin '{origin}' is not allowed to use this MCP endpoint.").ExecuteAsync(context);
        }
        return next(context);
    }

    public bool IsAllowed(string origin)
    {
        if (options.AllowedOrigins.Contains(origin.TrimEnd('/'), StringComparer.OrdinalIgnoreCase)) { return true; }
        if (!options.AllowLoopbackOrigins || !Uri.TryCreate(origin, UriKind.Absolute, out var uri)) { return false; }
        if (uri.Scheme != Uri.UriSchemeHttp && uri.Scheme != Uri.UriSchemeHttps) { return false; }
        return uri.IsLoopback && (uri.Host.Equals("localhost", StringComparison.OrdinalIgnoreCase)
            || (IPAddress.TryParse(uri.Host.Trim('[', ']'), out var ip) && IPAddress.IsLoopback(ip)));
    }
}
