using ModelContextProtocol.Protocol;
using ModelContextProtocol.Server;
using Rayswarm.Grains.Interfaces;

namespace Rayswarm.Gateway;

/// <summary>
/// The package's request filters for tools. Listing reads the hosted domains' tools first when the last reading is
/// older than <see cref="DomainTools.CacheFor"/>. Every call passes, in this order: the scope check
/// (<see cref="McpScopes"/>, with the scope the tool declares in its metadata), the caller's principal for the grains
/// (<see cref="Caller"/>: the same as over HTTP, <c>local</c> over stdio), the argument check against its input
/// schema (<see cref="McpArguments"/>), then the tool, whose exceptions become tool errors with their message
/// (<see cref="McpToolErrors"/>) instead of the package's generic "An error occurred".
/// </summary>
internal static class McpToolFilters
{
    public static McpRequestHandler<ListToolsRequestParams, ListToolsResult> ListTools(McpRequestHandler<ListToolsRequestParams, ListToolsResult> next) =>
        async (request, cancellationToken) =>
        {
            await Services(request).GetRequiredService<DomainTools>().EnsureFreshAsync(cancellationToken);
            return await next(request, cancellationToken);
        };

    public static McpRequestHandler<CallToolRequestParams, CallToolResult> CallTool(McpRequestHandler<CallToolRequestParams, CallToolResult> next) =>
        async (request, cancellationToken) =>
        {
            var name = request.Params?.Name ?? "";
            try
            {
                if (request.MatchedPrimitive is null && request.Params is not null)
                {
                    // Perhaps a domain that registered since the last reading.
                    var services = Services(request);
                    await services.GetRequiredService<DomainTools>().EnsureFreshAsync(cancellationToken);
                    if (services.GetRequiredService<McpToolCatalog>().TryGetPrimitive(name, out var found)) { request.MatchedPrimitive = found; }
                }
                if (request.MatchedPrimitive is not McpServerTool tool)
                {
                    return await next(request, cancellationToken); // the package's "Unknown tool" protocol error
                }
                McpScopes.EnsureAllowed(request.User, ScopeOf(tool), name);
                Caller.Set(PrincipalClaims.From(request.User)); // the tool's grain calls run as the session's principal
                if (McpArguments.Problem(tool.ProtocolTool, request.Params?.Arguments) is { } problem)
                {
                    return McpToolErrors.Result(problem);
                }
                return await next(request, cancellationToken);
            }
            catch (Exception e) when (McpToolErrors.MessageOf(e) is { } message)
            {
                return McpToolErrors.Result(message);
            }
        };

    /// <summary>The scope a tool declares with <see cref="McpScopeAttribute"/> (the package keeps a tool method's
    /// attributes as its metadata); a tool without one needs <see cref="McpScopes.Admin"/>.</summary>
    private static string ScopeOf(McpServerTool tool) =>
        tool.Metadata.OfType<McpScopeAttribute>().LastOrDefault()?.Scope ?? McpScopes.Admin;

    private static IServiceProvider Services(MessageContext request) =>
        request.Services ?? request.Server.Services ?? throw new InvalidOperationException("The MCP server has no services.");
}
