using System.Text.Json;
using ModelContextProtocol.Protocol;
using Rayswarm.Testing;

namespace Rayswarm.Gateway.Tests;

/// <summary>The Python worker of <c>examples/workers/python</c> (standard library only), started with <c>python3</c>: it
/// registers itself with the gateway under a base path, receives a bearer token, runs workflow steps (routed by its
/// capability too) and their compensation, and its self-described actions are MCP tools.</summary>
public sealed class PythonWorkerTests(McpGateway gateway) : IClassFixture<McpGateway>, IAsyncLifetime
{
    private PythonWorker _worker = null!;

    private HttpClient Http => gateway.Http;

    public async Task InitializeAsync() => _worker = await PythonWorker.StartAsync(gateway.Process.BaseAddress, "pytext", "--base-path", "/py", "--capabilities", "py-text");

    public async Task DisposeAsync() => await _worker.DisposeAsync();

    private async Task<JsonElement> RunAsync(object steps)
    {
        var created = await Http.PostOkAsync("/domains/workflows/create", new { name = "python", steps });
        return await Http.PostOkAsync($"/domains/workflows/execute/{created.GetProperty("workflow_id").GetString()}?wait_seconds=60", new { });
    }

    [Fact]
    public async Task The_worker_registers_with_its_endpoint_and_runs_a_workflow_routed_by_its_capability()
    {
        Assert.EndsWith("/py/", _worker.Endpoint, StringComparison.Ordinal);
        var domain = await Http.GetOkAsync("/domains/domain/pytext");
        Assert.Equal(_worker.Endpoint, domain.GetProperty("endpoint").GetString());
        Assert.Equal(JsonValueKind.Null, domain.GetProperty("token").ValueKind); // shown once, in the registration answer only

        var done = await RunAsync(new object[]
        {
            new { capability = "py-text", action = "word_count", data = new { text = "the cat saw the dog\nthe end", top = 2 } },
            new { domain_id = "pytext", action = "sort_lines", data = new { lines = new[] { "10", "9", "100" }, numeric = true }, depends_on = new[] { "step_1" } },
        });

        Assert.Equal("completed", done.GetProperty("status").GetString());
        var steps = done.GetProperty("steps");
        Assert.Equal(("pytext", "py-text"), (steps[0].GetProperty("domain_id").GetString(), steps[0].GetProperty("capability").GetString()));
        var counted = steps[0].GetProperty("output");
        Assert.Equal((7, 2), (counted.GetProperty("words").GetInt32(), counted.GetProperty("lines").GetInt32()));
        Assert.Equal([("the", 3), ("cat", 1)], counted.GetProperty("top").EnumerateArray().Select(t => (t.GetProperty("word").GetString(), t.GetProperty("count").GetInt32())));
        Assert.Equal(["9", "10", "100"], steps[1].GetProperty("output").GetProperty("lines").EnumerateArray().Select(l => l.GetString()));
        var id = done.GetProperty("workflow_id").GetString();
        Assert.True((await Http.GetOkAsync($"/domains/workflows/{id}/verify")).GetProperty("valid").GetBoolean());
    }

    [Fact]
    public async Task The_worker_refuses_calls_without_the_token_the_gateway_was_issued()
    {
        using var direct = new HttpClient();
        using var anonymous = await direct.PostAsync(_worker.Endpoint + "actions/word_count", new StringContent("""{"input":{"data":{"text":"x"}}}"""));
        Assert.Equal(401, (int)anonymous.StatusCode);
        using var describe = await direct.GetAsync(_worker.Endpoint + "describe");
        Assert.Equal(401, (int)describe.StatusCode);
        using var health = await direct.GetAsync(_worker.Endpoint + "health");
        Assert.Equal(200, (int)health.StatusCode);
    }

    [Fact]
    public async Task A_failing_step_rolls_back_through_the_workers_compensation()
    {
        var done = await RunAsync(new object[]
        {
            new { domain_id = "pytext", action = "store_note", data = new { note = "remember this" } },
            new { domain_id = "pytext", action = "word_count", data = new { text = "  " }, depends_on = new[] { "step_1" } },
        });

        Assert.Equal("rolled_back", done.GetProperty("status").GetString());
        var steps = done.GetProperty("steps");
        Assert.Equal("compensated", steps[0].GetProperty("status").GetString());
        Assert.Contains("400", steps[1].GetProperty("error").GetString());
        Assert.Contains("text must be a non-empty string", steps[1].GetProperty("error").GetString());

        // The compensation deleted the note: the next note is the only one.
        await using var client = await gateway.ConnectAsync(McpGateway.Stateless);
        await Eventually.True(async () => (await client.ListToolsAsync()).Any(t => t.Name == "pytext_store_note"), "the worker's tools are listed");
        var stored = await McpToolTests.Structured(client, "pytext_store_note", new() { ["note"] = "another" });
        Assert.Equal(1, stored.GetProperty("notes").GetInt32());
    }

    [Fact]
    public async Task The_actions_the_worker_describes_are_mcp_tools_with_their_schemas_versions_and_errors()
    {
        await using var client = await gateway.ConnectAsync(McpGateway.Stateful);
        await Eventually.True(async () => (await client.ListToolsAsync()).Any(t => t.Name == "pytext_word_count"), "the worker's tools are listed");
        var tools = (await client.ListToolsAsync()).Where(t => t.Name.StartsWith("pytext_", StringComparison.Ordinal)).ToDictionary(t => t.Name);

        Assert.Equal(["pytext_count_words", "pytext_sort_lines", "pytext_store_note", "pytext_word_count"], tools.Keys.Order(StringComparer.Ordinal));
        var wordCount = tools["pytext_word_count"];
        Assert.Equal("1.0.0", wordCount.ProtocolTool.Meta?["rayswarm/version"]?.GetValue<string>()); // the version /describe gave
        Assert.True(wordCount.ProtocolTool.Annotations?.ReadOnlyHint);
        Assert.False(tools["pytext_store_note"].ProtocolTool.Annotations?.ReadOnlyHint);
        Assert.Equal(["text"], wordCount.JsonSchema.GetProperty("required").EnumerateArray().Select(e => e.GetString()));

        var counted = await McpToolTests.Structured(client, "pytext_word_count", new() { ["text"] = "one two two" });
        Assert.Equal(3, counted.GetProperty("words").GetInt32());
        var bad = await client.CallToolAsync("pytext_sort_lines", new Dictionary<string, object?> { ["lines"] = new[] { "a", "b" }, ["numeric"] = true });
        Assert.True(bad.IsError);
        Assert.Contains("numeric sort needs a number on every line", Assert.IsType<TextContentBlock>(Assert.Single(bad.Content)).Text);
    }

    [Fact]
    public async Task A_deprecated_action_is_listed_with_its_deprecation_in_the_description_annotations_and_metadata()
    {
        await using var client = await gateway.ConnectAsync(McpGateway.Stateless);
        await Eventually.True(async () => (await client.ListToolsAsync()).Any(t => t.Name == "pytext_count_words"), "the worker's tools are listed");
        var tools = (await client.ListToolsAsync()).ToDictionary(t => t.Name);

        var deprecated = tools["pytext_count_words"].ProtocolTool;
        Assert.StartsWith("Deprecated. Counts the words of a text.", deprecated.Description, StringComparison.Ordinal);
        Assert.Equal("pytext.count_words (deprecated)", deprecated.Annotations?.Title);
        Assert.Equal("use word_count, which also counts lines and characters and lists the most frequent words",
            deprecated.Meta?["rayswarm/deprecated"]?.GetValue<string>());
        Assert.Equal("0.9.0", deprecated.Meta?["rayswarm/version"]?.GetValue<string>());
        // A current action says nothing of the kind.
        var current = tools["pytext_word_count"].ProtocolTool;
        Assert.DoesNotContain("Deprecated", current.Description, StringComparison.Ordinal);
        Assert.Null(current.Annotations?.Title);
        Assert.Null(current.Meta?["rayswarm/deprecated"]);
        // It still runs.
        Assert.Equal(3, (await McpToolTests.Structured(client, "pytext_count_words", new() { ["text"] = "one two two" })).GetProperty("words").GetInt32());
    }

    [Fact]
    public async Task The_action_route_calls_the_workers_action_and_checks_its_input_first()
    {
        await Eventually.True(async () => (await Http.PostJsonAsync("/domains/actions/pytext/word_count", """{"text": "a b a"}""")).Status == 200,
            "the worker's actions are known to the gateway");

        var counted = await Http.PostOkAsync("/domains/actions/pytext/word_count", new { text = "one two two", top = 1 });
        Assert.Equal(3, counted.GetProperty("words").GetInt32());
        Assert.Equal([("two", 2)], counted.GetProperty("top").EnumerateArray().Select(t => (t.GetProperty("word").GetString(), t.GetProperty("count").GetInt32())));
        HttpJson.AssertProblem(await Http.PostJsonAsync("/domains/actions/pytext/word_count", """{"top": 2}"""), 400, "text is required");
        HttpJson.AssertProblem(await Http.PostJsonAsync("/domains/actions/pytext/word_count", """{"text": 5}"""), 400, "text must be a string");
        HttpJson.AssertProblem(await Http.PostJsonAsync("/domains/actions/pytext/no_such_action", "{}"), 404, "no_such_action");
    }
}
