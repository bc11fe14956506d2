using System.Text.Json;

namespace Rayswarm.Gateway.Tests;

/// <summary>A second MCP client nobody here wrote: the MCP Inspector's CLI (npm <c>@modelcontextprotocol/inspector</c>,
/// version pinned by McpInspectorCli/package-lock.json) over Streamable HTTP against a running gateway.</summary>
public sealed class McpInspectorCliTests(McpGateway gateway) : IClassFixture<McpGateway>
{
    private static readonly TimeSpan s_timeout = TimeSpan.FromMinutes(2);

    [Fact]
    public async Task The_Inspector_CLI_lists_the_tools_and_calls_one()
    {
        using var inspector = await McpNpmFolder.InstallAsync("McpInspectorCli");
        string[] cli = ["--no-install", "@modelcontextprotocol/inspector", "--cli", gateway.Endpoint.ToString(), "--transport", "http"];

        var list = await inspector.RunAsync(s_timeout, "npx", [.. cli, "--method", "tools/list"]);
        var call = await inspector.RunAsync(s_timeout, "npx", [.. cli, "--method", "tools/call", "--tool-name", "get_domain", "--tool-arg", "domain_id=inspector-nobody"]);

        Assert.True(list.ExitCode == 0, "tools/list failed:\n" + list.Output);
        using var listed = JsonDocument.Parse(list.Stdout);
        var tools = listed.RootElement.GetProperty("tools").EnumerateArray().ToDictionary(t => t.GetProperty("name").GetString()!);
        Assert.Equal(McpToolTests.AllTools, tools.Keys.Order(StringComparer.Ordinal));
        Assert.All(tools.Values, t => Assert.Equal("object", t.GetProperty("inputSchema").GetProperty("type").GetString()));
        Assert.True(call.ExitCode == 0, "tools/call failed:\n" + call.Output);
        using var called = JsonDocument.Parse(call.Stdout);
        Assert.True(called.RootElement.GetProperty("isError").GetBoolean());
        Assert.Equal("The domain 'inspector-nobody' is not registered.", called.RootElement.GetProperty("content")[0].GetProperty("text").GetString());
    }
}
