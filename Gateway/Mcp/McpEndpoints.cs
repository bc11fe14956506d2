namespace Rayswarm.Gateway;

/// <summary>Maps the MCP endpoint.</summary>
internal static class McpEndpoints
{
    /// <summary>The package's Streamable HTTP endpoint on <c>/mcp</c> (POST, GET, DELETE), which needs the <c>read</c>
    /// scope (ApiKeyMiddleware; each tool checks its own, <see cref="McpToolFilters"/>). Requests to it first pass, as
    /// middleware after ApiKeyMiddleware: the origin check (<see cref="McpOriginCheck"/>), the naming of the caller for the
    /// package's session binding (<see cref="McpSessionUser"/>) and our session rules (<see cref="McpSessionGuard"/>).
    /// Middleware rather than endpoint filters: on the package's request-delegate endpoints, filters cost a filter
    /// pipeline per request.</summary>
    public static WebApplication MapMcpEndpoint(this WebApplication app)
    {
        ArgumentNullException.ThrowIfNull(app);
        app.UseWhen(
            context => context.Request.Path.StartsWithSegments("/mcp", StringComparison.OrdinalIgnoreCase),
            mcp => mcp.UseMiddleware<McpOriginCheck>().UseMiddleware<McpSessionUser>().UseMiddleware<McpSessionGuard>());
        app.MapMcp("/mcp").WithMetadata(new RequireScopeAttribute(Scopes.Read));
        return app;
    }
}
