using System.Text.Json;

namespace Rayswarm.Gateway;

/// <summary>
/// <c>POST /domains/actions/{domain_id}/{action}</c>: runs one action of a domain directly, as its MCP tool
/// <c>{domain}_{action}</c> does (hosted worker grain or endpoint worker, the same input a workflow step gets), the body
/// being the step's data. The body is checked against the action's input schema first (400 naming the field); an unknown
/// domain or action is 404; the action's own <see cref="ArgumentException"/> is 400.
/// </summary>
internal static class DomainActionsApi
{
    public static IEndpointRouteBuilder MapDomainActionsApi(this IEndpointRouteBuilder routes)
    {
        routes.MapPost("/domains/actions/{domain_id}/{action}", RunAsync)
            .WithTags("Domains").WithName("RunDomainAction")
            .WithSummary("Runs a domain's action with the body as its input (checked against the action's JSON schema) and returns its output.");
        return routes;
    }

    private static async Task<IResult> RunAsync(string domain_id, string action, HttpRequest request, DomainTools tools, McpToolCatalog catalog,
        CancellationToken cancellationToken)
    {
        var tool = await FindAsync(domain_id, action, tools, catalog, cancellationToken)
            ?? throw new KeyNotFoundException($"Domain '{domain_id}' has no action '{action}' (or is not a healthy hosted or described domain).");
        var arguments = await ReadBodyAsync(request, cancellationToken);
        if (McpArguments.Problem(tool.ProtocolTool, arguments) is { } problem) { throw new ArgumentException(problem); }
        try
        {
            return TypedResults.Ok(await tool.RunAsync(arguments, cancellationToken));
        }
        catch (ModelContextProtocol.McpException e)
        {
            // An endpoint worker that failed or answered an error status: the upstream's failure, not the request's.
            return TypedResults.Problem(e.Message, statusCode: StatusCodes.Status502BadGateway, title: "The domain's endpoint failed");
        }
    }

    private static async Task<DomainActionTool?> FindAsync(string domainId, string action, DomainTools tools, McpToolCatalog catalog, CancellationToken cancellationToken)
    {
        var name = DomainActionTool.ToolName(domainId, action);
        await tools.EnsureFreshAsync(cancellationToken);
        if (Lookup() is { } known) { return known; }
        // Not among the last reading (or it failed and was kept quiet): read again, and let a cluster that cannot answer be a 503.
        await tools.RefreshAsync(cancellationToken);
        return Lookup();

        DomainActionTool? Lookup() =>
            catalog.TryGetPrimitive(name, out var found) && found is DomainActionTool tool && tool.DomainId == domainId && tool.Action == action ? tool : null;
    }

    private static async Task<Dictionary<string, JsonElement>?> ReadBodyAsync(HttpRequest request, CancellationToken cancellationToken)
    {
        if (request.ContentLength == 0) { return null; }
        JsonDocument body;
        try
        {
            body = await JsonDocument.ParseAsync(request.Body, cancellationToken: cancellationToken);
        }
        catch (JsonException e)
        {
            throw new ArgumentException($"The body is not valid JSON: {e.Message}", "body", e);
        }
        using (body)
        {
            if (body.RootElement.ValueKind != JsonValueKind.Object)
            {
                throw new ArgumentException("The body must be a JSON object: the action's input.", "body");
            }
            return body.RootElement.EnumerateObject().ToDictionary(p => p.Name, p => p.Value.Clone(), StringComparer.Ordinal);
        }
    }
}
