using System.Text.Json;
using ModelContextProtocol.Protocol;

namespace Rayswarm.Gateway;

/// <summary>
/// The session rules of <c>/mcp</c> (2025-11-25 and older revisions) where the package answers otherwise, kept so that
/// clients see what docs/mcp.md promises: a request with an unknown or ended <c>Mcp-Session-Id</c> → 404, a POST other
/// than initialize without one → 400, both with a JSON-RPC error body without an id (the package echoes the request's
/// id); DELETE without a session id → 400 and of an unknown one → 404 (the package: 200), a successful DELETE → 204
/// (the package: 200); a second GET stream of a session → 409 (the package: 400). 2026-07-28 requests, and those of revisions not served, pass untouched.
/// </summary>
internal sealed class McpSessionGuard(RequestDelegate next, McpSessions sessions)
{
    private const string SessionIdHeader = "Mcp-Session-Id";
    private const string ProtocolVersionHeader = "MCP-Protocol-Version";

    /// <summary>The revisions with sessions (the package's own list is internal). A request without the version header is
    /// taken as 2025-03-26, as that revision allows; others (2026-07-28, unsupported ones) are the package's alone.</summary>
    private static readonly HashSet<string> s_sessionRevisions = new(StringComparer.Ordinal) { "", "2024-11-05", "2025-03-26", "2025-06-18", "2025-11-25" };

    public Task InvokeAsync(HttpContext context)
    {
        var request = context.Request;
        if (!s_sessionRevisions.Contains(request.Headers[ProtocolVersionHeader].ToString())) { return next(context); }
        var id = request.Headers[SessionIdHeader].ToString();
        if (id.Length == 0)
        {
            return HttpMethods.IsDelete(request.Method) ? NoSession(context)
                : HttpMethods.IsPost(request.Method) ? InitializeOnlyAsync(context)
                : next(context);
        }
        if (!sessions.IsAlive(id))
        {
            return McpHttpErrors.Result(StatusCodes.Status404NotFound, -32001, "Session not found: it ended or never existed; start a new one with initialize.").ExecuteAsync(context);
        }
        if (HttpMethods.IsDelete(request.Method)) { return DeleteAsync(context); }
        if (HttpMethods.IsGet(request.Method) && request.Headers.Accept.ToString().Contains("text/event-stream", StringComparison.OrdinalIgnoreCase))
        {
            return GetStreamAsync(context, id);
        }
        return next(context);
    }

    private async Task InitializeOnlyAsync(HttpContext context)
    {
        if (await IsInitializeAsync(context.Request)) { await next(context); }
        else { await NoSession(context); }
    }

    private static Task NoSession(HttpContext context) =>
        McpHttpErrors.Result(StatusCodes.Status400BadRequest, -32000,
            $"Bad Request: the {SessionIdHeader} header is required; a session starts with an initialize request "
            + $"(or send {ProtocolVersionHeader}: 2026-07-28 for stateless requests).").ExecuteAsync(context);

    private async Task DeleteAsync(HttpContext context)
    {
        context.Response.OnStarting(() =>
        {
            // The package ends the session and writes nothing: 200 becomes 204.
            if (context.Response.StatusCode == StatusCodes.Status200OK) { context.Response.StatusCode = StatusCodes.Status204NoContent; }
            return Task.CompletedTask;
        });
        await next(context);
    }

    private async Task GetStreamAsync(HttpContext context, string id)
    {
        if (!sessions.TryOpenGetStream(id))
        {
            await McpHttpErrors.Result(StatusCodes.Status409Conflict, -32000, "This session already has an open GET stream.").ExecuteAsync(context);
            return;
        }
        try
        {
            await next(context);
        }
        finally
        {
            sessions.CloseGetStream(id);
        }
    }

    /// <summary>Whether the body is an initialize request; the body stays readable for the package. Read only for POSTs
    /// without a session, so once per session.</summary>
    private static async Task<bool> IsInitializeAsync(HttpRequest request)
    {
        request.EnableBuffering();
        try
        {
            using var body = await JsonDocument.ParseAsync(request.Body, cancellationToken: request.HttpContext.RequestAborted);
            return body.RootElement.ValueKind == JsonValueKind.Object
                && body.RootElement.TryGetProperty("method", out var method) && method.ValueKind == JsonValueKind.String
                && method.GetString() == RequestMethods.Initialize;
        }
        catch (JsonException)
        {
            return true; // not JSON: the package answers that
        }
        finally
        {
            request.Body.Position = 0;
        }
    }
}
