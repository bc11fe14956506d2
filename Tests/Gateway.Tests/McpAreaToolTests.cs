using System.Text.Json;
using ModelContextProtocol.Protocol;
using Rayswarm.Testing;

namespace Rayswarm.Gateway.Tests;

/// <summary>The event, memory, workflow and system tools through the SDK's client over real HTTP, each effect observed
/// through the HTTP API of the same gateway.</summary>
public sealed class McpAreaToolTests(McpGateway gateway) : IClassFixture<McpGateway>, IAsyncLifetime
{
    private EndpointDomain _remote = null!;

    private HttpClient Http => gateway.Http;

    public async Task InitializeAsync()
    {
        // An endpoint domain that answers every action with the step it ran and the outputs it depended on.
        _remote = await EndpointDomain.StartAsync();
        _remote.Handler = (path, body) => Task.FromResult(
            path.StartsWith("/actions/", StringComparison.Ordinal) && !path.EndsWith("/compensate", StringComparison.Ordinal)
                ? (200, JsonSerializer.Serialize(new { step = body.GetProperty("step_id").GetString(), input = body.GetProperty("input") }))
                : (200, ""));
    }

    public async Task DisposeAsync() => await _remote.DisposeAsync();

    private Task<JsonElement> RegisterRemoteAsync(string id) =>
        Http.PostOkAsync("/domains/register", new { domain_id = id, endpoint = _remote.Endpoint, capabilities = new[] { "mcp-area" } });

    [Theory]
    [InlineData(McpGateway.Stateful)]
    [InlineData(McpGateway.Stateless)]
    public async Task Event_tools_publish_subscribe_and_read_the_bus(string revision)
    {
        var source = "mcp_ev_" + revision.Replace("-", "", StringComparison.Ordinal);
        await using var client = await gateway.ConnectAsync(revision);

        var published = await McpToolTests.Structured(client, "publish_event", new() { ["event_type"] = "mcp.area.one", ["source_domain"] = source, ["data"] = new { n = 1 } });
        Assert.Equal("mcp.area.one", published.GetProperty("event_type").GetString());
        Assert.Equal(1, published.GetProperty("data").GetProperty("n").GetInt32());
        await McpToolTests.Structured(client, "publish_event", new() { ["event_type"] = "mcp.area.two", ["source_domain"] = source, ["data"] = new { n = 2 } });
        var third = await McpToolTests.Structured(client, "publish_event", new() { ["event_type"] = "mcp.other", ["source_domain"] = source, ["event_id"] = source + "_3" });
        Assert.Equal(source + "_3", third.GetProperty("event_id").GetString());
        Assert.Equal(JsonValueKind.Object, third.GetProperty("data").ValueKind);

        // The HTTP API sees all three, in order.
        var history = await Http.GetJsonAsync($"/domains/events/history?source_domain={source}");
        Assert.Equal(200, history.Status);
        Assert.Equal(["mcp.area.one", "mcp.area.two", "mcp.other"], history.Body.GetProperty("events").EnumerateArray().Select(e => e.GetProperty("event_type").GetString()));

        // Filters and paging through the tool.
        var page1 = await McpToolTests.Structured(client, "event_history", new() { ["source_domain"] = source, ["pattern"] = "mcp.area.*", ["limit"] = 1 });
        Assert.Equal([1], page1.GetProperty("events").EnumerateArray().Select(e => e.GetProperty("data").GetProperty("n").GetInt32()));
        Assert.True(page1.GetProperty("has_more").GetBoolean());
        var page2 = await McpToolTests.Structured(client, "event_history", new() { ["source_domain"] = source, ["pattern"] = "mcp.area.*", ["after"] = page1.GetProperty("next_position").GetInt64(), ["limit"] = 10 });
        Assert.Equal([2], page2.GetProperty("events").EnumerateArray().Select(e => e.GetProperty("data").GetProperty("n").GetInt32()));
        Assert.False(page2.GetProperty("has_more").GetBoolean());
        var byType = await McpToolTests.Structured(client, "event_history", new() { ["source_domain"] = source, ["event_type"] = "mcp.other", ["since"] = "2000-01-01T00:00:00Z" });
        Assert.Equal([source + "_3"], byType.GetProperty("events").EnumerateArray().Select(e => e.GetProperty("event_id").GetString()));

        // A subscription of a registered domain, listed by the tool and by the HTTP API.
        var subscriber = source + "_sub";
        await RegisterRemoteAsync(subscriber);
        var subscription = await McpToolTests.Structured(client, "subscribe_domain", new() { ["domain_id"] = subscriber, ["pattern"] = "mcp.#" });
        Assert.Equal(subscriber, subscription.GetProperty("domain_id").GetString());
        var listed = await McpToolTests.Structured(client, "list_subscriptions", new() { ["domain_id"] = subscriber });
        Assert.Equal(1, listed.GetProperty("count").GetInt32());
        Assert.Equal("mcp.#", listed.GetProperty("subscriptions")[0].GetProperty("pattern").GetString());
        var http = await Http.GetJsonAsync($"/domains/events/subscriptions?domain_id={subscriber}");
        Assert.Equal(subscription.GetProperty("subscription_id").GetString(), http.Body.GetProperty("subscriptions")[0].GetProperty("subscription_id").GetString());

        var stats = await McpToolTests.Structured(client, "event_stats", []);
        Assert.True(stats.GetProperty("total_published").GetInt64() >= 3);
        Assert.Contains(stats.GetProperty("top_event_types").EnumerateArray(), t => t.GetProperty("event_type").GetString() == "mcp.other");
        Assert.True(stats.GetProperty("subscriptions").GetInt32() >= 1);
    }

    [Fact]
    public async Task Memory_tools_contribute_query_verify_and_apply_knowledge()
    {
        await using var client = await gateway.ConnectAsync(McpGateway.Stateful);

        var contributed = await McpToolTests.Structured(client, "contribute_knowledge", new()
        {
            ["domain_id"] = "mcp_mem_author",
            ["contribution_type"] = "optimization",
            ["content"] = new { technique = "zebrafish caching", gain = 0.4 },
        });
        var id = contributed.GetProperty("contribution_id").GetString()!;
        Assert.Equal(0.5, contributed.GetProperty("confidence").GetDouble());

        // The HTTP API finds it.
        var found = await Http.GetJsonAsync("/domains/memory/query?query=zebrafish");
        Assert.Equal(200, found.Status);
        Assert.Contains(found.Body.GetProperty("results").EnumerateArray(), r => r.ToString().Contains(id, StringComparison.Ordinal));

        var queried = await McpToolTests.Structured(client, "query_knowledge", new() { ["query"] = "zebrafish caching", ["contribution_type"] = "optimization" });
        Assert.Equal(1, queried.GetProperty("count").GetInt32());
        Assert.Contains(id, queried.GetProperty("results")[0].ToString(), StringComparison.Ordinal);
        var tooConfident = await McpToolTests.Structured(client, "query_knowledge", new() { ["query"] = "zebrafish", ["min_confidence"] = 0.9 });
        Assert.Equal(0, tooConfident.GetProperty("count").GetInt32());

        var verified = await McpToolTests.Structured(client, "verify_knowledge", new() { ["contribution_id"] = id, ["domain_id"] = "mcp_mem_checker", ["notes"] = "reproduced" });
        Assert.Equal(1, verified.GetProperty("verifications").GetInt32());
        Assert.Equal(["mcp_mem_checker"], verified.GetProperty("verified_by").EnumerateArray().Select(e => e.GetString()));
        Assert.True(verified.GetProperty("confidence").GetDouble() > 0.5);
        var applied = await McpToolTests.Structured(client, "apply_knowledge", new() { ["contribution_id"] = id, ["domain_id"] = "mcp_mem_user", ["outcome"] = "success" });
        Assert.Equal(1, applied.GetProperty("successes").GetInt32());

        // The HTTP API shows the verification and the application.
        var page = await Http.GetJsonAsync("/domains/memory/domain/mcp_mem_author");
        var stored = page.Body.GetProperty("contributions")[0];
        Assert.Equal(id, stored.GetProperty("contribution_id").GetString());
        Assert.Equal(1, stored.GetProperty("verifications").GetInt32());
        Assert.Equal(1, stored.GetProperty("applications").GetInt32());

        var mine = await McpToolTests.Structured(client, "domain_contributions", new() { ["domain_id"] = "mcp_mem_author", ["limit"] = 5 });
        Assert.Equal(1, mine.GetProperty("total").GetInt32());
        Assert.Equal(5, mine.GetProperty("limit").GetInt32());
        var top = await McpToolTests.Structured(client, "top_contributors", new() { ["limit"] = 100 });
        Assert.Contains(top.GetProperty("contributors").EnumerateArray(), c => c.GetProperty("domain_id").GetString() == "mcp_mem_author");
        var stats = await McpToolTests.Structured(client, "memory_stats", []);
        Assert.True(stats.GetProperty("total_contributions").GetInt32() >= 1, stats.ToString());
    }

    [Fact]
    public async Task Workflow_tools_create_execute_get_list_and_verify()
    {
        await RegisterRemoteAsync("mcp_wf_remote");
        await using var client = await gateway.ConnectAsync(McpGateway.Stateless);

        var created = await McpToolTests.Structured(client, "create_workflow", new()
        {
            ["name"] = "mcp_two_steps",
            ["steps"] = new object[]
            {
                new { domain_id = "mcp_wf_remote", action = "fetch", data = new { q = "x" } },
                new { domain_id = "mcp_wf_remote", action = "summarize", depends_on = new[] { "step_1" }, timeout_seconds = 20 },
            },
        });
        var id = created.GetProperty("workflow_id").GetString()!;
        Assert.Equal("created", created.GetProperty("status").GetString());
        Assert.Equal("created", (await Http.GetJsonAsync($"/domains/workflows/{id}")).Body.GetProperty("status").GetString());

        var executed = await McpToolTests.Structured(client, "execute_workflow", new() { ["workflow_id"] = id, ["wait_seconds"] = 60 });
        Assert.Equal("completed", executed.GetProperty("status").GetString());
        Assert.Equal("x", executed.GetProperty("steps")[0].GetProperty("output").GetProperty("input").GetProperty("data").GetProperty("q").GetString());

        var got = await McpToolTests.Structured(client, "get_workflow", new() { ["workflow_id"] = id });
        Assert.Equal("completed", got.GetProperty("status").GetString());
        Assert.Equal(JsonValueKind.Array, got.GetProperty("audit").ValueKind);
        var listed = await McpToolTests.Structured(client, "list_workflows", new() { ["status"] = "completed", ["limit"] = 1000 });
        Assert.Contains(listed.GetProperty("workflows").EnumerateArray(), w => w.GetProperty("workflow_id").GetString() == id);
        var verified = await McpToolTests.Structured(client, "verify_workflow", new() { ["workflow_id"] = id });
        Assert.True(verified.GetProperty("valid").GetBoolean(), verified.ToString());
        var stats = await McpToolTests.Structured(client, "workflow_stats", []);
        Assert.True(stats.GetProperty("total_workflows").GetInt64() >= 1, stats.ToString());
        Assert.True(stats.GetProperty("by_status").GetProperty("completed").GetInt64() >= 1, stats.ToString());
    }

    [Theory]
    [InlineData(McpGateway.Stateful)]
    [InlineData(McpGateway.Stateless)]
    public async Task Orchestrate_creates_runs_and_returns_the_final_result(string revision)
    {
        var domain = "mcp_orch_" + revision.Replace("-", "", StringComparison.Ordinal);
        await RegisterRemoteAsync(domain);
        await using var client = await gateway.ConnectAsync(revision);

        var result = await McpToolTests.Structured(client, "orchestrate", new()
        {
            ["name"] = "mcp_orchestrated",
            ["steps"] = new object[]
            {
                new { domain_id = domain, action = "search", step_id = "search", data = new { topic = "ants" } },
                new { domain_id = domain, action = "analyze", step_id = "analyze", depends_on = new[] { "search" } },
            },
        });

        Assert.Equal("completed", result.GetProperty("status").GetString());
        Assert.True(result.GetProperty("finished").GetBoolean());
        Assert.Equal(["analyze"], result.GetProperty("result").EnumerateObject().Select(p => p.Name));
        var final = result.GetProperty("result").GetProperty("analyze");
        Assert.Equal("analyze", final.GetProperty("step").GetString());
        Assert.Equal("search", final.GetProperty("input").GetProperty("dependencies").GetProperty("search").GetProperty("step").GetString());
        Assert.Equal(["search", "analyze"], result.GetProperty("outputs").EnumerateObject().Select(p => p.Name));

        var id = result.GetProperty("workflow_id").GetString()!;
        var http = await Http.GetJsonAsync($"/domains/workflows/{id}");
        Assert.Equal(200, http.Status);
        Assert.Equal("completed", http.Body.GetProperty("status").GetString());
        Assert.Equal("mcp_orchestrated", http.Body.GetProperty("name").GetString());
        Assert.All(http.Body.GetProperty("steps").EnumerateArray(), s => Assert.Equal("completed", s.GetProperty("status").GetString()));
    }

    [Fact]
    public async Task Orchestrate_reports_a_rolled_back_workflow_with_its_error()
    {
        await using var client = await gateway.ConnectAsync(McpGateway.Stateful);

        var result = await McpToolTests.Structured(client, "orchestrate", new()
        {
            ["name"] = "mcp_missing_domain",
            ["steps"] = new object[] { new { domain_id = "mcp_nobody_hosts_this", action = "search" } },
        });

        Assert.Equal("rolled_back", result.GetProperty("status").GetString());
        Assert.Contains("mcp_nobody_hosts_this", result.GetProperty("error").GetString(), StringComparison.Ordinal);
        Assert.Empty(result.GetProperty("result").EnumerateObject());
    }

    [Fact]
    public async Task System_overview_shows_every_area()
    {
        await using var client = await gateway.ConnectAsync(McpGateway.Stateless);

        var overview = await McpToolTests.Structured(client, "system_overview", []);

        var http = await Http.GetJsonAsync("/domains/system/overview");
        Assert.Equal(http.Body.EnumerateObject().Select(p => p.Name), overview.EnumerateObject().Select(p => p.Name));
        foreach (var area in new[] { "registry", "events", "knowledge", "workflows" })
        {
            Assert.Equal(JsonValueKind.Object, overview.GetProperty(area).ValueKind);
        }
    }

    [Theory]
    [InlineData("publish_event", """{"source_domain":"a"}""", "event_type is required.")]
    [InlineData("publish_event", """{"event_type":"ml..x","source_domain":"a"}""", "event_type must be dot-separated segments")]
    [InlineData("publish_event", """{"event_type":"ml.x","source_domain":"a b"}""", "source_domain")]
    [InlineData("publish_event", """{"event_type":"ml.x","source_domain":"a","data":[1,2]}""", "data must be an object")]
    [InlineData("subscribe_domain", """{"domain_id":"mcp_nobody","pattern":"ml.*"}""", "mcp_nobody")]
    [InlineData("subscribe_domain", """{"domain_id":"a","pattern":"ml.pre*"}""", "pattern")]
    [InlineData("list_subscriptions", """{"domain_id":"a b"}""", "domain_id")]
    [InlineData("event_history", """{"limit":0}""", "limit must be between 1 and 1000 (was 0).")]
    [InlineData("event_history", """{"since":"yesterday"}""", "since must be an ISO 8601 time")]
    [InlineData("event_history", """{"after":-1}""", "after must be a position of 0 or more")]
    [InlineData("event_history", """{"limit":"ten"}""", "limit must be an integer (was the string \"ten\").")]
    [InlineData("contribute_knowledge", """{"domain_id":"a","contribution_type":"tip","content":{}}""", "content must not be an empty object.")]
    [InlineData("contribute_knowledge", """{"domain_id":"a","contribution_type":"tip","content":"text"}""", "content must be an object")]
    [InlineData("contribute_knowledge", """{"domain_id":"a","content":{"x":1}}""", "contribution_type is required.")]
    [InlineData("query_knowledge", """{"min_confidence":2}""", "min_confidence must be between 0 and 1")]
    [InlineData("query_knowledge", """{"limit":1000}""", "limit must be between 1 and 100")]
    [InlineData("verify_knowledge", """{"contribution_id":"mcp_no_such","domain_id":"a"}""", "mcp_no_such")]
    [InlineData("apply_knowledge", """{"contribution_id":"x","domain_id":"a","outcome":"maybe"}""", "outcome must be 'success' or 'failure'")]
    [InlineData("domain_contributions", """{"domain_id":"a","offset":-1}""", "offset must not be negative")]
    [InlineData("top_contributors", """{"limit":0}""", "limit must be between 1 and 100")]
    [InlineData("create_workflow", """{"name":"w","steps":[]}""", "steps must list at least one step.")]
    [InlineData("create_workflow", """{"name":"w","steps":[{"domain_id":"a","action":"x","depends_on":["step_9"]}]}""", "steps[0].depends_on: unknown step 'step_9'.")]
    [InlineData("create_workflow", """{"name":"w","steps":[{"domain_id":"a"}]}""", "steps[0].action is required.")]
    [InlineData("orchestrate", """{"name":"w","steps":[{"domain_id":"a","action":"x","depends_on":"step_1"}]}""", "steps[0].depends_on must be an array or null (was the string \"step_1\").")]
    [InlineData("create_workflow", """{"name":"w","steps":[{"domain_id":"a","action":"x","timeout_seconds":"soon"}]}""", "steps[0].timeout_seconds must be an integer or null (was the string \"soon\").")]
    [InlineData("create_workflow", """{"name":"w","steps":["step"]}""", "steps[0] must be an object (was the string \"step\").")]
    [InlineData("create_workflow", """{"steps":[{"domain_id":"a","action":"x"}]}""", "name is required.")]
    [InlineData("orchestrate", """{"name":"w","steps":[{"domain_id":"a","action":"x","step_id":"s","depends_on":["s"]}]}""", "depends on itself")]
    [InlineData("orchestrate", """{"name":"w","steps":[{"domain_id":"a","action":"x"}],"wait_seconds":500}""", "wait_seconds must be between 0 and 120")]
    [InlineData("execute_workflow", """{"workflow_id":"wf_00000000000000000000000000000000"}""", "wf_00000000000000000000000000000000")]
    [InlineData("get_workflow", """{"workflow_id":"wf_00000000000000000000000000000000"}""", "wf_00000000000000000000000000000000")]
    [InlineData("verify_workflow", """{}""", "workflow_id is required.")]
    [InlineData("list_workflows", """{"limit":5000}""", "limit")]
    public async Task Bad_arguments_are_tool_errors_that_say_what_is_wrong(string tool, string arguments, string message)
    {
        await using var client = await gateway.ConnectAsync(McpGateway.Stateless);

        var result = await client.CallToolAsync(tool, JsonSerializer.Deserialize<Dictionary<string, object?>>(arguments)!);

        Assert.True(result.IsError is true, $"{tool} {arguments} succeeded");
        Assert.Contains(message, Assert.IsType<TextContentBlock>(Assert.Single(result.Content)).Text, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_bad_argument_to_orchestrate_creates_no_workflow()
    {
        await using var client = await gateway.ConnectAsync(McpGateway.Stateless);

        var result = await client.CallToolAsync("orchestrate", new Dictionary<string, object?>
        {
            ["name"] = "mcp_never_created",
            ["steps"] = new object[] { new { domain_id = "a", action = "x" } },
            ["wait_seconds"] = -1,
        });

        Assert.True(result.IsError);
        var listed = await McpToolTests.Structured(client, "list_workflows", new() { ["limit"] = 1000 });
        Assert.DoesNotContain(listed.GetProperty("workflows").EnumerateArray(), w => w.GetProperty("name").GetString() == "mcp_never_created");
    }
}
