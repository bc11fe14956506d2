using System.Net;
using System.Text.Json;
using ModelContextProtocol;

namespace Rayswarm.Gateway.Tests;

/// <summary>Status codes and headers of <c>/mcp</c> per revision, with raw HTTP requests.</summary>
public sealed class McpHttpTests(McpGateway gateway) : IClassFixture<McpGateway>
{
    private const string Initialize =
        """{"jsonrpc":"2.0","id":1,"method":"initialize","params":{"protocolVersion":"2025-11-25","capabilities":{},"clientInfo":{"name":"raw","version":"1"}}}""";
    private const string Meta =
        "\"_meta\":{\"io.modelcontextprotocol/protocolVersion\":\"2026-07-28\",\"io.modelcontextprotocol/clientInfo\":{\"name\":\"raw\",\"version\":\"1\"},\"io.modelcontextprotocol/clientCapabilities\":{}}";
    private const string ListTools = """{"jsonrpc":"2.0","id":2,"method":"tools/list"}""";

    [Fact]
    public async Task A_2025_11_25_session_starts_with_initialize_and_ends_with_delete()
    {
        using var init = await gateway.Http.SendAsync(gateway.Post(Initialize));
        Assert.Equal(HttpStatusCode.OK, init.StatusCode);
        var session = Assert.Single(init.Headers.GetValues("Mcp-Session-Id"));
        Assert.Contains("\"protocolVersion\":\"2025-11-25\"", await init.Content.ReadAsStringAsync(), StringComparison.Ordinal);

        var headers = new[] { ("Mcp-Session-Id", session), ("MCP-Protocol-Version", "2025-11-25") };
        using var initialized = await gateway.Http.SendAsync(gateway.Post("""{"jsonrpc":"2.0","method":"notifications/initialized"}""", headers));
        Assert.Equal(HttpStatusCode.Accepted, initialized.StatusCode);
        Assert.Empty(await initialized.Content.ReadAsByteArrayAsync());

        using var list = await gateway.Http.SendAsync(gateway.Post(ListTools, headers));
        Assert.Equal(HttpStatusCode.OK, list.StatusCode);
        Assert.Equal(session, Assert.Single(list.Headers.GetValues("Mcp-Session-Id")));
        Assert.Contains("\"register_domain\"", await list.Content.ReadAsStringAsync(), StringComparison.Ordinal);

        using var delete = await gateway.Http.SendAsync(With(new HttpRequestMessage(HttpMethod.Delete, "/mcp"), headers));
        Assert.Equal(HttpStatusCode.NoContent, delete.StatusCode);

        using var afterDelete = await gateway.Http.SendAsync(gateway.Post(ListTools, headers));
        Assert.Equal(HttpStatusCode.NotFound, afterDelete.StatusCode);
        using var deleteAgain = await gateway.Http.SendAsync(With(new HttpRequestMessage(HttpMethod.Delete, "/mcp"), headers));
        Assert.Equal(HttpStatusCode.NotFound, deleteAgain.StatusCode);
    }

    [Fact]
    public async Task The_GET_stream_of_a_session_opens_as_server_sent_events()
    {
        using var init = await gateway.Http.SendAsync(gateway.Post(Initialize));
        var session = init.Headers.GetValues("Mcp-Session-Id").Single();
        var get = With(new HttpRequestMessage(HttpMethod.Get, "/mcp"), ("Mcp-Session-Id", session), ("Accept", "text/event-stream"));

        using var stream = await gateway.Http.SendAsync(get, HttpCompletionOption.ResponseHeadersRead);

        Assert.Equal(HttpStatusCode.OK, stream.StatusCode);
        Assert.Equal("text/event-stream", stream.Content.Headers.ContentType?.MediaType);
        using var second = await gateway.Http.SendAsync(With(new HttpRequestMessage(HttpMethod.Get, "/mcp"), ("Mcp-Session-Id", session), ("Accept", "text/event-stream")));
        Assert.Equal(HttpStatusCode.Conflict, second.StatusCode);
    }

    [Theory]
    [InlineData("POST", "", HttpStatusCode.BadRequest)]
    [InlineData("POST", "no-such-session", HttpStatusCode.NotFound)]
    [InlineData("GET", "", HttpStatusCode.BadRequest)]
    [InlineData("GET", "no-such-session", HttpStatusCode.NotFound)]
    [InlineData("DELETE", "", HttpStatusCode.BadRequest)]
    [InlineData("DELETE", "no-such-session", HttpStatusCode.NotFound)]
    public async Task Requests_other_than_initialize_need_a_known_session(string method, string session, HttpStatusCode expected)
    {
        var request = method == "POST" ? gateway.Post(ListTools) : new HttpRequestMessage(new HttpMethod(method), "/mcp");
        request.Headers.TryAddWithoutValidation("Accept", "application/json, text/event-stream");
        if (session.Length > 0) { request.Headers.Add("Mcp-Session-Id", session); }

        using var response = await gateway.Http.SendAsync(request);

        Assert.Equal(expected, response.StatusCode);
        using var body = JsonDocument.Parse(await response.Content.ReadAsStringAsync());
        Assert.Equal(JsonValueKind.Null, body.RootElement.GetProperty("id").ValueKind);
        Assert.True(body.RootElement.GetProperty("error").GetProperty("message").GetString()!.Length > 0);
    }

    [Fact]
    public async Task A_2026_07_28_request_is_served_statelessly_without_a_session()
    {
        var call = Stateless(7, "tools/call", "\"name\":\"system_health\",\"arguments\":{},");

        using var response = await gateway.Http.SendAsync(gateway.Post(call,
            ("MCP-Protocol-Version", "2026-07-28"), ("Mcp-Method", "tools/call"), ("Mcp-Name", "system_health"), ("Mcp-Session-Id", "ignored")));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.False(response.Headers.Contains("Mcp-Session-Id"));
        var body = await response.Content.ReadAsStringAsync();
        Assert.Contains("\"id\":7", body, StringComparison.Ordinal);
        Assert.Contains("\"status\":\"healthy\"", body, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_2026_07_28_notification_is_accepted_with_202()
    {
        using var response = await gateway.Http.SendAsync(gateway.Post(
            Stateless(null, "notifications/cancelled", "\"requestId\":99,"),
            ("MCP-Protocol-Version", "2026-07-28"), ("Mcp-Method", "notifications/cancelled")));

        Assert.Equal(HttpStatusCode.Accepted, response.StatusCode);
    }

    [Theory]
    [InlineData("tools/list", "tools/call", "system_health")] // Mcp-Method does not match the body
    [InlineData("tools/call", "tools/call", "list_domains")] // Mcp-Name does not match the body
    [InlineData("", "tools/call", "system_health")] // Mcp-Method missing
    public async Task A_2026_07_28_request_whose_headers_do_not_mirror_its_body_is_a_400_header_mismatch(string methodHeader, string method, string nameHeader)
    {
        var body = Stateless(3, method, "\"name\":\"system_health\",\"arguments\":{},");

        using var response = await gateway.Http.SendAsync(gateway.Post(body,
            ("MCP-Protocol-Version", "2026-07-28"), ("Mcp-Method", methodHeader), ("Mcp-Name", nameHeader)));

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        // HeaderMismatch as the SDK's 2026-07-28 implementation numbers it (-32020; an older draft of the spec said -32001).
        Assert.Equal((int)McpErrorCode.HeaderMismatch, await ErrorCodeAsync(response));
    }

    [Fact]
    public async Task A_2026_07_28_request_for_an_unknown_method_is_a_404_with_method_not_found()
    {
        using var response = await gateway.Http.SendAsync(gateway.Post(
            Stateless(4, "nothing/here", ""),
            ("MCP-Protocol-Version", "2026-07-28"), ("Mcp-Method", "nothing/here")));

        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
        Assert.Equal((int)McpErrorCode.MethodNotFound, await ErrorCodeAsync(response));
    }

    [Theory]
    [InlineData("GET")]
    [InlineData("DELETE")]
    public async Task GET_and_DELETE_are_405_for_2026_07_28(string method)
    {
        var request = With(new HttpRequestMessage(new HttpMethod(method), "/mcp"), ("MCP-Protocol-Version", "2026-07-28"), ("Accept", "text/event-stream"));

        using var response = await gateway.Http.SendAsync(request);

        Assert.Equal(HttpStatusCode.MethodNotAllowed, response.StatusCode);
        Assert.Contains("POST", response.Content.Headers.Allow);
    }

    [Fact]
    public async Task Other_methods_are_405()
    {
        using var response = await gateway.Http.SendAsync(new HttpRequestMessage(HttpMethod.Put, "/mcp"));

        Assert.Equal(HttpStatusCode.MethodNotAllowed, response.StatusCode);
    }

    [Fact]
    public async Task An_unsupported_protocol_version_is_a_400_listing_the_supported_ones()
    {
        using var response = await gateway.Http.SendAsync(gateway.Post(ListTools, ("MCP-Protocol-Version", "1999-01-01")));

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        using var body = JsonDocument.Parse(await response.Content.ReadAsStringAsync());
        var supported = body.RootElement.GetProperty("error").GetProperty("data").GetProperty("supported").EnumerateArray().Select(e => e.GetString());
        Assert.Equal(["2024-11-05", "2025-03-26", "2025-06-18", "2025-11-25", "2026-07-28"], supported);
    }

    [Fact]
    public async Task A_POST_that_does_not_accept_event_streams_is_a_406()
    {
        var request = new HttpRequestMessage(HttpMethod.Post, "/mcp") { Content = new StringContent(Initialize, System.Text.Encoding.UTF8, "application/json") };
        request.Headers.Add("Accept", "application/json");

        using var response = await gateway.Http.SendAsync(request);

        Assert.Equal(HttpStatusCode.NotAcceptable, response.StatusCode);
    }

    [Theory]
    [InlineData("http://evil.example", HttpStatusCode.Forbidden)]
    [InlineData("http://localhost.evil.example", HttpStatusCode.Forbidden)]
    [InlineData("https://agent.example.com:8443", HttpStatusCode.Forbidden)]
    [InlineData("null", HttpStatusCode.Forbidden)]
    [InlineData("http://localhost:3000", HttpStatusCode.OK)]
    [InlineData("http://127.0.0.1:6274", HttpStatusCode.OK)]
    [InlineData("http://[::1]:8080", HttpStatusCode.OK)]
    [InlineData(McpGateway.AllowedOrigin, HttpStatusCode.OK)]
    public async Task Only_loopback_and_configured_origins_may_call(string origin, HttpStatusCode expected)
    {
        using var post = await gateway.Http.SendAsync(gateway.Post(Initialize, ("Origin", origin)));
        using var get = await gateway.Http.SendAsync(With(new HttpRequestMessage(HttpMethod.Get, "/mcp"), ("Origin", origin), ("Accept", "text/event-stream")));

        Assert.Equal(expected, post.StatusCode);
        Assert.Equal(expected == HttpStatusCode.Forbidden ? HttpStatusCode.Forbidden : HttpStatusCode.BadRequest, get.StatusCode);
    }

    /// <summary>A 2026-07-28 message: <paramref name="parameters"/> (each followed by a comma) plus the per-request metadata.</summary>
    private static string Stateless(int? id, string method, string parameters) =>
        "{\"jsonrpc\":\"2.0\"," + (id is null ? "" : $"\"id\":{id},") + $"\"method\":\"{method}\",\"params\":{{{parameters}{Meta}}}}}";

    private static HttpRequestMessage With(HttpRequestMessage request, params (string Name, string Value)[] headers)
    {
        foreach (var (name, value) in headers) { request.Headers.TryAddWithoutValidation(name, value); }
        return request;
    }

    /// <summary>The JSON-RPC error code of a response, whether the body is JSON or an event stream.</summary>
    private static async Task<int> ErrorCodeAsync(HttpResponseMessage response)
    {
        var text = await response.Content.ReadAsStringAsync();
        var json = text.TrimStart().StartsWith('{') ? text : text.Split('\n').First(l => l.StartsWith("data:", StringComparison.Ordinal))["data:".Length..];
        using var body = JsonDocument.Parse(json);
        return body.RootElement.GetProperty("error").GetProperty("code").GetInt32();
    }
}
