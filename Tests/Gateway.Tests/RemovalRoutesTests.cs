using System.Text.Json;
using ModelContextProtocol.Protocol;

namespace Rayswarm.Gateway.Tests;

/// <summary>What the grains could always do and the outside could not: unregister a domain, unsubscribe, retract a
/// contribution with a reason. Each over HTTP (RFC 7807 on bad input) and as an MCP tool (a tool error on bad input), its
/// effect observed through the HTTP API.</summary>
public sealed class RemovalRoutesTests(McpGateway gateway) : IClassFixture<McpGateway>
{
    private HttpClient Http => gateway.Http;

    private Task<JsonElement> RegisterAsync(string id) =>
        Http.PostOkAsync("/domains/register", new { domain_id = id, endpoint = "http://127.0.0.1:9/", capabilities = new[] { "removal-test" } });

    private async Task<string?> ToolErrorAsync(string tool, Dictionary<string, object?> arguments)
    {
        await using var client = await gateway.ConnectAsync(McpGateway.Stateless);
        var result = await client.CallToolAsync(tool, arguments);
        Assert.True(result.IsError is true, $"{tool} succeeded");
        return Assert.IsType<TextContentBlock>(Assert.Single(result.Content)).Text;
    }

    [Fact]
    public async Task Unregister_removes_a_domain_over_http_and_mcp_and_an_unknown_one_is_404_or_a_tool_error()
    {
        await RegisterAsync("removal_http");
        await RegisterAsync("removal_mcp");

        var removed = await Http.PostOkAsync("/domains/unregister/removal_http", new { });
        Assert.Equal(("removal_http", true), (removed.GetProperty("domain_id").GetString(), removed.GetProperty("unregistered").GetBoolean()));
        HttpJson.AssertProblem(await Http.GetJsonAsync("/domains/domain/removal_http"), 404);
        HttpJson.AssertProblem(await Http.PostJsonAsync("/domains/unregister/removal_http", "{}"), 404, "removal_http");
        HttpJson.AssertProblem(await Http.PostJsonAsync("/domains/unregister/has%20space", "{}"), 400, "domain_id");

        await using var client = await gateway.ConnectAsync(McpGateway.Stateful);
        var tool = await McpToolTests.Structured(client, "unregister_domain", new() { ["domain_id"] = "removal_mcp" });
        Assert.True(tool.GetProperty("unregistered").GetBoolean());
        HttpJson.AssertProblem(await Http.GetJsonAsync("/domains/domain/removal_mcp"), 404);
        Assert.Contains("removal_mcp", await ToolErrorAsync("unregister_domain", new() { ["domain_id"] = "removal_mcp" }));
    }

    [Fact]
    public async Task A_domain_hosted_in_the_cluster_cannot_be_unregistered()
    {
        HttpJson.AssertProblem(await Http.PostJsonAsync("/domains/unregister/memory", "{}"), 409, "hosted in the cluster");
        Assert.Contains("hosted in the cluster", await ToolErrorAsync("unregister_domain", new() { ["domain_id"] = "memory" }));
    }

    [Fact]
    public async Task Unsubscribe_ends_a_subscription_over_http_and_mcp()
    {
        await RegisterAsync("removal_subscriber");
        var first = await Http.PostOkAsync("/domains/events/subscribe", new { domain_id = "removal_subscriber", pattern = "removal.one" });
        var second = await Http.PostOkAsync("/domains/events/subscribe", new { domain_id = "removal_subscriber", pattern = "removal.two" });
        async Task<IEnumerable<string?>> PatternsAsync() =>
            (await Http.GetOkAsync("/domains/events/subscriptions?domain_id=removal_subscriber")).GetProperty("subscriptions")
                .EnumerateArray().Select(s => s.GetProperty("pattern").GetString());

        var id = first.GetProperty("subscription_id").GetString()!;
        var ended = await Http.PostOkAsync($"/domains/events/unsubscribe/{id}", new { });
        Assert.Equal((id, true), (ended.GetProperty("subscription_id").GetString(), ended.GetProperty("unsubscribed").GetBoolean()));
        Assert.Equal(["removal.two"], await PatternsAsync());
        HttpJson.AssertProblem(await Http.PostJsonAsync($"/domains/events/unsubscribe/{id}", "{}"), 404, id);

        await using var client = await gateway.ConnectAsync(McpGateway.Stateful);
        await McpToolTests.Structured(client, "unsubscribe_domain", new() { ["subscription_id"] = second.GetProperty("subscription_id").GetString() });
        Assert.Empty(await PatternsAsync());
        Assert.Contains(id, await ToolErrorAsync("unsubscribe_domain", new() { ["subscription_id"] = id }));
    }

    [Fact]
    public async Task Retract_deletes_a_contribution_with_its_reason_over_http_and_mcp()
    {
        async Task<string> ContributeAsync() => (await Http.PostOkAsync("/domains/memory/contribute", new
        {
            domain_id = "removal_memory", contribution_type = "tip", content = new { tip = "restart the widget" },
        })).GetProperty("contribution_id").GetString()!;
        var viaHttp = await ContributeAsync();
        var viaMcp = await ContributeAsync();

        HttpJson.AssertProblem(await Http.PostJsonAsync($"/domains/memory/retract/{viaHttp}", "{}"), 400, "reason is required");
        HttpJson.AssertProblem(await Http.PostJsonAsync($"/domains/memory/retract/{viaHttp}", """{"reason": 5}"""), 400, "reason");
        var retracted = await Http.PostOkAsync($"/domains/memory/retract/{viaHttp}", new { reason = "wrong widget" });
        Assert.Equal((viaHttp, "wrong widget", true),
            (retracted.GetProperty("contribution_id").GetString(), retracted.GetProperty("reason").GetString(), retracted.GetProperty("retracted").GetBoolean()));
        HttpJson.AssertProblem(await Http.PostJsonAsync($"/domains/memory/retract/{viaHttp}", """{"reason": "again"}"""), 404, viaHttp);

        await using var client = await gateway.ConnectAsync(McpGateway.Stateful);
        Assert.Contains("reason is required", await ToolErrorAsync("retract_knowledge", new() { ["contribution_id"] = viaMcp, ["reason"] = "" }));
        await McpToolTests.Structured(client, "retract_knowledge", new() { ["contribution_id"] = viaMcp, ["reason"] = "outdated", ["domain_id"] = "removal_reviewer" });
        var left = await Http.GetOkAsync("/domains/memory/domain/removal_memory");
        Assert.Equal(0, left.GetProperty("contributions").GetArrayLength());

        var events = await Http.GetOkAsync("/domains/events/history?event_type=memory.retracted&limit=1000");
        var reasons = events.GetProperty("events").EnumerateArray()
            .Select(e => e.GetProperty("data"))
            .Where(d => d.GetProperty("contribution_id").GetString() is { } c && (c == viaHttp || c == viaMcp))
            .Select(d => (d.GetProperty("reason").GetString(), d.GetProperty("source_domain").GetString()));
        Assert.Equal([("wrong widget", "removal_memory"), ("outdated", "removal_reviewer")], reasons);
    }
}
