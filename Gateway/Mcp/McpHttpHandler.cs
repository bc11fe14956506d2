using System.Text.Json;
using System.Text.Json.Nodes;
using System.Text.Json.Serialization.Metadata;
using Microsoft.AspNetCore.Http.Features;
using ModelContextProtocol;
using ModelContextProtocol.Protocol;

namespace Rayswarm.Gateway;

/// <summary>
/// Streamable HTTP on <c>/mcp</c> around the SDK's <see cref="ModelContextProtocol.Server.StreamableHttpServerTransport"/>.
/// The <c>MCP-Protocol-Version</c> header picks the revision: 2026-07-28 is served statelessly (POST only, a server per
/// request; GET and DELETE get 405); older revisions (and requests without the header, taken as 2025-03-26) get
/// sessions: initialize creates one and returns its <c>Mcp-Session-Id</c>, later requests must carry it (400 without,
/// 404 when unknown), GET opens the session's server-to-client stream and DELETE ends it.
/// </summary>
internal sealed partial class McpHttpHandler(GatewayMcpServer servers, McpSessions sessions, ILoggerFactory loggerFactory, TimeProvider time, IHostApplicationLifetime lifetime)
{
    private static readonly JsonTypeInfo<JsonRpcMessage> s_messageType =
        (JsonTypeInfo<JsonRpcMessage>)McpJsonUtilities.DefaultOptions.GetTypeInfo(typeof(JsonRpcMessage));

    public async Task<IResult> PostAsync(HttpContext context)
    {
        if (CheckVersion(context, out var version) is { } versionError) { return versionError; }
        var accept = context.Request.GetTypedHeaders().Accept;
        if (!accept.Any(a => a.MediaType.Equals("application/json", StringComparison.OrdinalIgnoreCase) || a.MediaType.Equals("*/*", StringComparison.Ordinal))
            || !accept.Any(a => a.MediaType.Equals("text/event-stream", StringComparison.OrdinalIgnoreCase) || a.MediaType.Equals("*/*", StringComparison.Ordinal)))
        {
            return McpHttpErrors.Result(StatusCodes.Status406NotAcceptable, -32000, "Not Acceptable: the client must accept both application/json and text/event-stream.");
        }
        JsonRpcMessage? message;
        try
        {
            message = await JsonSerializer.DeserializeAsync(context.Request.Body, s_messageType, context.RequestAborted);
        }
        catch (JsonException e)
        {
            return McpHttpErrors.Result(StatusCodes.Status400BadRequest, (int)McpErrorCode.ParseError, "Parse error: " + e.Message);
        }
        if (message is null)
        {
            return McpHttpErrors.Result(StatusCodes.Status400BadRequest, (int)McpErrorCode.InvalidRequest, "The body must be one JSON-RPC message.");
        }
        return version == McpProtocol.Stateless
            ? await PostStatelessAsync(context, message, version)
            : await PostToSessionAsync(context, message);
    }

    public async Task<IResult> GetAsync(HttpContext context)
    {
        if (CheckVersion(context, out var version) is { } versionError) { return versionError; }
        if (version == McpProtocol.Stateless) { return MethodNotAllowed(context, "2026-07-28 has no GET stream: POST only."); }
        if (!context.Request.GetTypedHeaders().Accept.Any(a => a.MediaType.Equals("text/event-stream", StringComparison.OrdinalIgnoreCase)))
        {
            return McpHttpErrors.Result(StatusCodes.Status406NotAcceptable, -32000, "Not Acceptable: the client must accept text/event-stream.");
        }
        if (FindSession(context, out var session) is { } sessionError) { return sessionError; }
        if (!session!.TryStartGetStream())
        {
            return McpHttpErrors.Result(StatusCodes.Status409Conflict, -32000, "This session already has an open GET stream.");
        }
        try
        {
            using var use = session.Use();
            using var stop = CancellationTokenSource.CreateLinkedTokenSource(context.RequestAborted, session.Ended, lifetime.ApplicationStopping);
            StartEventStream(context, session.Id);
            await context.Response.Body.FlushAsync(stop.Token);
            await session.Transport.HandleGetRequestAsync(context.Response.Body, stop.Token);
        }
        catch (OperationCanceledException)
        {
            // The client went away, the session ended or the gateway stops: that is how a GET stream ends.
        }
        finally
        {
            session.EndGetStream();
        }
        return Results.Empty;
    }

    public async Task<IResult> DeleteAsync(HttpContext context)
    {
        if (CheckVersion(context, out var version) is { } versionError) { return versionError; }
        if (version == McpProtocol.Stateless) { return MethodNotAllowed(context, "2026-07-28 has no sessions to end: POST only."); }
        if (FindSession(context, out var session) is { } sessionError) { return sessionError; }
        await sessions.EndAsync(session!.Id);
        return Results.NoContent();
    }

    public static IResult MethodNotAllowed(HttpContext context, string message)
    {
        context.Response.Headers.Allow = "GET, POST, DELETE";
        return McpHttpErrors.Result(StatusCodes.Status405MethodNotAllowed, -32000, message);
    }

    private async Task<IResult> PostToSessionAsync(HttpContext context, JsonRpcMessage message)
    {
        McpSession? session;
        if (context.Request.Headers[McpProtocol.SessionIdHeader].ToString().Length == 0)
        {
            if (message is not JsonRpcRequest { Method: RequestMethods.Initialize })
            {
                return McpHttpErrors.Result(StatusCodes.Status400BadRequest, -32000,
                    $"Bad Request: the {McpProtocol.SessionIdHeader} header is required; a session starts with an initialize request "
                    + $"(or send {McpProtocol.ProtocolVersionHeader}: {McpProtocol.Stateless} for stateless requests).");
            }
            session = StartSession();
        }
        else if (FindSession(context, out session) is { } sessionError)
        {
            return sessionError;
        }

        using var use = session!.Use();
        message.Context = new JsonRpcMessageContext { User = context.User };
        StartEventStream(context, session.Id);
        if (!await session.Transport.HandlePostRequestAsync(message, context.Response.Body, context.RequestAborted))
        {
            return Accepted(context);
        }
        return Results.Empty;
    }

    private async Task<IResult> PostStatelessAsync(HttpContext context, JsonRpcMessage message, string version)
    {
        if (CheckRequestHeaders(context, message) is { } headerError) { return headerError; }
        var transport = new ModelContextProtocol.Server.StreamableHttpServerTransport(loggerFactory) { Stateless = true };
        var server = servers.Create(transport);
        using var stop = CancellationTokenSource.CreateLinkedTokenSource(context.RequestAborted);
        var running = server.RunAsync(stop.Token);
        try
        {
            message.Context = new JsonRpcMessageContext { User = context.User, ProtocolVersion = version };
            StartEventStream(context, sessionId: null);
            var wrote = await transport.HandlePostRequestAsync(message, context.Response.Body, first =>
            {
                // The revision maps some JSON-RPC errors to HTTP statuses; the status line is still ours to set here.
                if (first is JsonRpcError { Error.Code: var code }) { context.Response.StatusCode = StatusOf((McpErrorCode)code); }
                return ValueTask.CompletedTask;
            }, context.RequestAborted);
            return wrote ? Results.Empty : Accepted(context);
        }
        finally
        {
            await stop.CancelAsync();
            await transport.DisposeAsync();
            try { await running; } catch (OperationCanceledException) { }
            await server.DisposeAsync();
        }
    }

    private McpSession StartSession()
    {
        var id = McpSessions.NewId();
        var transport = new ModelContextProtocol.Server.StreamableHttpServerTransport(loggerFactory) { SessionId = id };
        var session = new McpSession(id, transport, servers.Create(transport), time);
        session.Start();
        sessions.Add(session);
        return session;
    }

    private IResult? FindSession(HttpContext context, out McpSession? session)
    {
        session = null;
        var id = context.Request.Headers[McpProtocol.SessionIdHeader].ToString();
        if (id.Length == 0)
        {
            return McpHttpErrors.Result(StatusCodes.Status400BadRequest, -32000, $"Bad Request: the {McpProtocol.SessionIdHeader} header is required.");
        }
        session = sessions.Find(id);
        return session is null
            ? McpHttpErrors.Result(StatusCodes.Status404NotFound, -32001, "Session not found: it ended or never existed; start a new one with initialize.")
            : null;
    }

    /// <summary>400 with the supported revisions when the version header names one we do not serve.</summary>
    private static IResult? CheckVersion(HttpContext context, out string? version)
    {
        version = context.Request.Headers[McpProtocol.ProtocolVersionHeader].ToString() is { Length: > 0 } v ? v : null;
        if (version is null || McpProtocol.Supported.Contains(version)) { return null; }
        var data = new JsonObject { ["supported"] = new JsonArray([.. McpProtocol.Supported.Select(s => JsonValue.Create(s))]), ["requested"] = version };
        return McpHttpErrors.Result(StatusCodes.Status400BadRequest, (int)McpErrorCode.UnsupportedProtocolVersion,
            $"Unsupported protocol version '{version}'; supported: {string.Join(", ", McpProtocol.Supported)}.", data);
    }

    /// <summary>2026-07-28: <c>Mcp-Method</c> (and <c>Mcp-Name</c> for calls) must mirror the body.</summary>
    private static IResult? CheckRequestHeaders(HttpContext context, JsonRpcMessage message)
    {
        var (method, parameters) = message switch
        {
            JsonRpcRequest r => (r.Method, r.Params),
            JsonRpcNotification n => (n.Method, n.Params),
            _ => (null, null),
        };
        if (method is null)
        {
            return McpHttpErrors.Result(StatusCodes.Status400BadRequest, (int)McpErrorCode.InvalidRequest, "Clients send requests and notifications only.");
        }
        var methodHeader = context.Request.Headers[McpProtocol.MethodHeader].ToString();
        if (methodHeader != method)
        {
            return HeaderMismatch($"{McpProtocol.MethodHeader} header '{methodHeader}' does not match the body's method '{method}'.");
        }
        if (message is JsonRpcRequest && McpProtocol.NeedsNameHeader(method))
        {
            var name = (parameters?["name"] ?? parameters?["uri"])?.GetValue<string>();
            var nameHeader = context.Request.Headers[McpProtocol.NameHeader].ToString();
            if (nameHeader != name)
            {
                return HeaderMismatch($"{McpProtocol.NameHeader} header '{nameHeader}' does not match the body's '{name}'.");
            }
        }
        return null;
    }

    private static IResult HeaderMismatch(string message) =>
        McpHttpErrors.Result(StatusCodes.Status400BadRequest, (int)McpErrorCode.HeaderMismatch, "Header mismatch: " + message);

    private static int StatusOf(McpErrorCode code) => code switch
    {
        McpErrorCode.MethodNotFound => StatusCodes.Status404NotFound,
        McpErrorCode.UnsupportedProtocolVersion or McpErrorCode.MissingRequiredClientCapability or McpErrorCode.HeaderMismatch
            or McpErrorCode.InvalidRequest or McpErrorCode.ParseError => StatusCodes.Status400BadRequest,
        _ => StatusCodes.Status200OK,
    };

    private static IResult Accepted(HttpContext context)
    {
        context.Response.Headers.ContentType = default;
        return Results.StatusCode(StatusCodes.Status202Accepted);
    }

    private static void StartEventStream(HttpContext context, string? sessionId)
    {
        if (sessionId is not null) { context.Response.Headers[McpProtocol.SessionIdHeader] = sessionId; }
        context.Response.Headers.ContentType = "text/event-stream";
        context.Response.Headers.CacheControl = "no-cache,no-store";
        context.Response.Headers.ContentEncoding = "identity";
        context.Response.Headers["X-Accel-Buffering"] = "no";
        context.Features.GetRequiredFeature<IHttpResponseBodyFeature>().DisableBuffering();
    }
}
