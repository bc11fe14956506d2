namespace Rayswarm.Gateway;

/// <summary>Maps the MCP endpoint.</summary>
internal static class McpEndpoints
{
    /// <summary>The package's Streamable HTTP endpoint on <c>/mcp</c> (POST, GET, DELETE), every request through the
    /// origin check first (<see cref="McpOriginFilter"/>), then named for the session binding (<see cref="McpSessionUser"/>), then held to our
    /// session rules (<see cref="McpSessionGuard"/>). The endpoint itself needs the <c>read</c> scope (ApiKeyMiddleware); each tool checks its own
    /// (<see cref="McpToolFilters"/>).</summary>
    public static IEndpointRouteBuilder MapMcpEndpoint(this IEndpointRouteBuilder routes)
    {
        routes.MapMcp("/mcp")
            .WithMetadata(new RequireScopeAttribute(Scopes.Read))
            .AddEndpointFilter<IEndpointConventionBuilder, McpOriginFilter>()
            .AddEndpointFilter<IEndpointConventionBuilder, McpSessionUser>()
            .AddEndpointFilter<IEndpointConventionBuilder, McpSessionGuard>();
        return routes;
    }
}
