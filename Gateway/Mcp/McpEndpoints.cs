namespace Rayswarm.Gateway;

/// <summary>Maps the MCP endpoint.</summary>
internal static class McpEndpoints
{
    /// <summary>Streamable HTTP on <paramref name="pattern"/>: POST, GET and DELETE (see <see cref="McpHttpHandler"/>),
    /// any other method 405; every request passes the origin check first.</summary>
    public static IEndpointRouteBuilder MapMcp(this IEndpointRouteBuilder routes, string pattern = "/mcp")
    {
        var mcp = routes.MapGroup(pattern).WithTags("MCP").AddEndpointFilter<McpOriginFilter>()
            .WithMetadata(new RequireScopeAttribute(Scopes.Read)); // each tool checks its own scope (McpScopes)
        mcp.MapPost("", (HttpContext context, McpHttpHandler handler) => handler.PostAsync(context)).WithName("McpPost");
        mcp.MapGet("", (HttpContext context, McpHttpHandler handler) => handler.GetAsync(context)).WithName("McpGet");
        mcp.MapDelete("", (HttpContext context, McpHttpHandler handler) => handler.DeleteAsync(context)).WithName("McpDelete");
        mcp.MapMethods("", ["PUT", "PATCH", "HEAD", "OPTIONS"], (HttpContext context) => McpHttpHandler.MethodNotAllowed(context, "The MCP endpoint serves GET, POST and DELETE."))
            .WithName("McpOther");
        return routes;
    }
}
