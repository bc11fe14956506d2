using System.Text.Json;
using ModelContextProtocol.Protocol;

namespace Rayswarm.Gateway.Tests;

/// <summary>The built-in hosted domains' actions (memory: search, contribute; events: publish) as MCP tools: listed with
/// their descriptions and input schemas, and run directly with the arguments as the action's <c>input.data</c>.</summary>
public sealed class McpDomainToolTests(McpGateway gateway) : IClassFixture<McpGateway>
{
    /// <summary>The tools of the built-in hosted domains, sorted.</summary>
    public static readonly string[] Tools = ["events_publish", "memory_contribute", "memory_search"];

    [Theory]
    [InlineData(McpGateway.Stateful)]
    [InlineData(McpGateway.Stateless)]
    public async Task The_built_in_domains_actions_are_listed_with_their_input_schemas(string revision)
    {
        await using var client = await gateway.ConnectAsync(revision);

        var tools = (await client.ListToolsAsync()).Where(t => Tools.Contains(t.Name)).ToDictionary(t => t.Name);

        Assert.Equal(Tools, tools.Keys.Order(StringComparer.Ordinal));
        Assert.All(tools.Values, t => Assert.False(string.IsNullOrWhiteSpace(t.Description)));
        Assert.Contains("shared memory", tools["memory_search"].Description, StringComparison.Ordinal);
        var search = tools["memory_search"].JsonSchema;
        Assert.Equal("object", search.GetProperty("type").GetString());
        Assert.Equal("string", search.GetProperty("properties").GetProperty("query").GetProperty("type").GetString());
        Assert.Equal("integer", search.GetProperty("properties").GetProperty("limit").GetProperty("type").GetString());
        Assert.Equal(["contribution_type", "content"], tools["memory_contribute"].JsonSchema.GetProperty("required").EnumerateArray().Select(e => e.GetString()));
        Assert.Equal(["event_type"], tools["events_publish"].JsonSchema.GetProperty("required").EnumerateArray().Select(e => e.GetString()));
        Assert.Equal("object", tools["events_publish"].JsonSchema.GetProperty("properties").GetProperty("data").GetProperty("type").GetString());
    }

    [Fact]
    public async Task Events_publish_puts_the_event_on_the_bus()
    {
        await using var client = await gateway.ConnectAsync(McpGateway.Stateful);

        var published = await McpToolTests.Structured(client, "events_publish", new()
        {
            ["event_type"] = "mcp.domain_tool",
            ["source_domain"] = "mcp_domain_tool",
            ["data"] = new { n = 7 },
        });

        var id = published.GetProperty("event_id").GetString();
        var history = await gateway.Http.GetJsonAsync("/domains/events/history?source_domain=mcp_domain_tool");
        var stored = Assert.Single(history.Body.GetProperty("events").EnumerateArray());
        Assert.Equal(id, stored.GetProperty("event_id").GetString());
        Assert.Equal("mcp.domain_tool", stored.GetProperty("event_type").GetString());
        Assert.Equal(7, stored.GetProperty("data").GetProperty("n").GetInt32());
    }

    [Fact]
    public async Task Memory_contribute_then_memory_search_finds_it_as_the_http_api_does()
    {
        await using var client = await gateway.ConnectAsync(McpGateway.Stateless);

        var contributed = await McpToolTests.Structured(client, "memory_contribute", new()
        {
            ["domain_id"] = "mcp_domain_tool",
            ["contribution_type"] = "pattern",
            ["content"] = new { insight = "platypus retries", backoff = "exponential" },
        });
        var id = contributed.GetProperty("contribution_id").GetString()!;

        var found = await McpToolTests.Structured(client, "memory_search", new() { ["query"] = "platypus", ["limit"] = 5 });
        Assert.Equal(1, found.GetProperty("count").GetInt32());
        Assert.Contains(id, found.GetProperty("results")[0].ToString(), StringComparison.Ordinal);
        var http = await gateway.Http.GetJsonAsync("/domains/memory/query?query=platypus");
        Assert.Contains(id, http.Body.GetProperty("results")[0].ToString(), StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("events_publish", """{"source_domain":"a"}""", "event_type is required.")]
    [InlineData("events_publish", """{"event_type":"ml..x"}""", "event_type")]
    [InlineData("memory_search", """{"limit":"ten"}""", "limit must be an integer (was the string \"ten\").")]
    [InlineData("memory_search", """{"min_confidence":3}""", "min_confidence")]
    [InlineData("memory_contribute", """{"contribution_type":"tip","content":{}}""", "content")]
    public async Task Bad_arguments_are_tool_errors(string tool, string arguments, string message)
    {
        await using var client = await gateway.ConnectAsync(McpGateway.Stateless);

        var result = await client.CallToolAsync(tool, JsonSerializer.Deserialize<Dictionary<string, object?>>(arguments)!);

        Assert.True(result.IsError is true, $"{tool} {arguments} succeeded");
        Assert.Contains(message, Assert.IsType<TextContentBlock>(Assert.Single(result.Content)).Text, StringComparison.Ordinal);
    }
}
