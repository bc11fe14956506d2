using System.Net;
using System.Text.Json;
using ModelContextProtocol.Client;
using ModelContextProtocol.Protocol;

namespace Rayswarm.Gateway.Tests;

/// <summary>A gateway with API keys: /mcp needs a key with the read scope, and each tool its own scope.</summary>
public sealed class McpScopeTests : IAsyncLifetime
{
    private const string ReadKey = "mcp-read-key-0123456789abcdef";
    private const string WriteKey = "mcp-write-key-0123456789abcdef";
    private const string Initialize = """{"jsonrpc":"2.0","id":1,"method":"initialize","params":{"protocolVersion":"2025-11-25","capabilities":{},"clientInfo":{"name":"t","version":"1"}}}""";

    private readonly string _dir = Directory.CreateTempSubdirectory("rayswarm-mcp-keys-").FullName;
    private GatewayProcess _gateway = null!;

    private Uri Endpoint => new(_gateway.BaseAddress, "/mcp");

    public async Task InitializeAsync()
    {
        var keys = Path.Combine(_dir, "keys.json");
        await File.WriteAllTextAsync(keys, JsonSerializer.Serialize(new object[]
        {
            new { name = "mcp-reader", key = ReadKey, scopes = new[] { "read" } },
            new { name = "mcp-writer", key = WriteKey, scopes = new[] { "write" } },
        }));
        _gateway = await GatewayProcess.StartAsync("--urls", "http://127.0.0.1:0", "--data-dir", Path.Combine(_dir, "data"), "--api-keys-file", keys);
    }

    public async Task DisposeAsync()
    {
        await _gateway.DisposeAsync();
        Directory.Delete(_dir, recursive: true);
    }

    private Task<McpClient> ConnectAsync(string key, string revision) =>
        McpClient.CreateAsync(
            new HttpClientTransport(new HttpClientTransportOptions
            {
                Endpoint = Endpoint,
                TransportMode = HttpTransportMode.StreamableHttp,
                AdditionalHeaders = new Dictionary<string, string> { ["X-Api-Key"] = key },
            }),
            new McpClientOptions { ClientInfo = new() { Name = "rayswarm-scope-tests", Version = "1.0" }, ProtocolVersion = revision });

    private async Task<HttpStatusCode> PostInitializeAsync(string? key, string? origin)
    {
        using var http = new HttpClient();
        using var request = new HttpRequestMessage(HttpMethod.Post, Endpoint) { Content = new StringContent(Initialize, System.Text.Encoding.UTF8, "application/json") };
        request.Headers.Accept.ParseAdd("application/json");
        request.Headers.Accept.ParseAdd("text/event-stream");
        if (key is not null) { request.Headers.Add("X-Api-Key", key); }
        if (origin is not null) { request.Headers.Add("Origin", origin); }
        using var response = await http.SendAsync(request);
        return response.StatusCode;
    }

    [Fact]
    public async Task Without_a_known_key_mcp_is_401_and_a_foreign_origin_is_403_even_with_a_key()
    {
        Assert.Equal(HttpStatusCode.Unauthorized, await PostInitializeAsync(null, null));
        Assert.Equal(HttpStatusCode.Unauthorized, await PostInitializeAsync("not-a-key-0123456789abcdef", null));
        Assert.Equal(HttpStatusCode.Forbidden, await PostInitializeAsync(ReadKey, "https://evil.example.com"));
        Assert.Equal(HttpStatusCode.OK, await PostInitializeAsync(ReadKey, null));
    }

    [Theory]
    [InlineData(McpGateway.Stateful)]
    [InlineData(McpGateway.Stateless)]
    public async Task A_read_key_lists_and_reads_but_every_write_tool_is_a_tool_error_naming_the_write_scope(string revision)
    {
        await using var reader = await ConnectAsync(ReadKey, revision);

        Assert.Equal(McpToolTests.AllTools, (await reader.ListToolsAsync()).Select(t => t.Name).Order(StringComparer.Ordinal));
        await McpToolTests.Structured(reader, "list_domains", []);
        await McpToolTests.Structured(reader, "event_stats", []);
        await McpToolTests.Structured(reader, "query_knowledge", new() { ["query"] = "anything" });
        await McpToolTests.Structured(reader, "memory_search", new() { ["query"] = "anything" }); // a read-only domain action

        foreach (var tool in McpToolTests.WriteTools)
        {
            var result = await reader.CallToolAsync(tool, new Dictionary<string, object?>());
            Assert.True(result.IsError is true, $"{tool} ran with a read key");
            Assert.Equal($"The tool '{tool}' needs the 'write' scope.", Assert.IsType<TextContentBlock>(Assert.Single(result.Content)).Text);
        }
    }

    [Fact]
    public async Task A_write_key_calls_write_tools()
    {
        await using var writer = await ConnectAsync(WriteKey, McpGateway.Stateful);

        var published = await McpToolTests.Structured(writer, "publish_event", new() { ["event_type"] = "mcp.scoped", ["source_domain"] = "mcp_scope_writer" });

        await using var reader = await ConnectAsync(ReadKey, McpGateway.Stateless);
        var history = await McpToolTests.Structured(reader, "event_history", new() { ["source_domain"] = "mcp_scope_writer" });
        Assert.Equal([published.GetProperty("event_id").GetString()], history.GetProperty("events").EnumerateArray().Select(e => e.GetProperty("event_id").GetString()));
    }
}
