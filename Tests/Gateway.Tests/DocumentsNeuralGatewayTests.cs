using System.Text.Json;
using ModelContextProtocol.Protocol;
using Xunit.Abstractions;

namespace Rayswarm.Gateway.Tests;

/// <summary>The documents and neural modules end to end on the embedded gateway (<c>--domains documents,neural</c>): their
/// actions as MCP tools, and as workflow steps over HTTP; bad inputs are tool errors or a step's error, never a 5xx.</summary>
public sealed class DocumentsNeuralGatewayTests(ModulesGateway gateway, ITestOutputHelper output) : IClassFixture<ModulesGateway>
{
    private static readonly string[] s_tools =
    [
        "documents_ingest", "documents_outline", "documents_search", "documents_summarize",
        "neural_evaluate", "neural_models", "neural_predict", "neural_train",
    ];

    private const string Runbook = """
        # Runbook

        ## Failover

        When a silo dies its grains answer elsewhere. Failover takes seconds, and failover is tested by killing a silo.

        ## Restores

        Restores start from the nightly snapshot.
        """;

    [Fact]
    public async Task The_modules_actions_are_mcp_tools_with_their_schemas_and_read_only_hints()
    {
        await using var client = await gateway.ConnectAsync();

        var tools = (await client.ListToolsAsync()).Where(t => t.Name.StartsWith("documents_", StringComparison.Ordinal) || t.Name.StartsWith("neural_", StringComparison.Ordinal))
            .ToDictionary(t => t.Name);

        Assert.Equal(s_tools, tools.Keys.Order(StringComparer.Ordinal));
        Assert.Equal(["source", "text"], tools["documents_ingest"].JsonSchema.GetProperty("required").EnumerateArray().Select(e => e.GetString()));
        Assert.Equal(["model", "task"], tools["neural_train"].JsonSchema.GetProperty("required").EnumerateArray().Select(e => e.GetString()));
        Assert.True(tools["documents_search"].ProtocolTool.Annotations?.ReadOnlyHint);
        Assert.True(tools["neural_predict"].ProtocolTool.Annotations?.ReadOnlyHint);
        Assert.NotEqual(true, tools["neural_train"].ProtocolTool.Annotations?.ReadOnlyHint);
    }

    [Fact]
    public async Task Documents_ingested_over_mcp_are_searched_summarized_and_outlined()
    {
        await using var client = await gateway.ConnectAsync();

        var ingested = await McpToolTests.Structured(client, "documents_ingest", new() { ["source"] = "runbook.md", ["text"] = Runbook });
        var found = await McpToolTests.Structured(client, "documents_search", new() { ["query"] = "failover" });
        var summary = await McpToolTests.Structured(client, "documents_summarize", new() { ["source"] = "runbook.md", ["sentences"] = 1 });
        var outline = await McpToolTests.Structured(client, "documents_outline", new() { ["source"] = "runbook.md" });

        Assert.Equal(2, ingested.GetProperty("sections").GetInt32());
        var top = found.GetProperty("results")[0];
        Assert.Equal(("runbook.md", "Runbook > Failover", 5), (top.GetProperty("source").GetString(), top.GetProperty("title").GetString(), top.GetProperty("line").GetInt32()));
        Assert.Contains("Failover takes seconds", Assert.Single(summary.GetProperty("sentences").EnumerateArray()).GetProperty("text").GetString(), StringComparison.Ordinal);
        Assert.Equal(["Runbook", "Failover", "Restores"], outline.GetProperty("headings").EnumerateArray().Select(h => h.GetProperty("text").GetString()));
    }

    [Fact]
    public async Task A_model_trained_over_mcp_predicts_and_evaluates()
    {
        await using var client = await gateway.ConnectAsync();
        var (features, labels) = Blobs(60);

        var trained = await McpToolTests.Structured(client, "neural_train", new()
        {
            ["model"] = "mcp-blobs", ["task"] = "classification", ["features"] = features, ["labels"] = labels, ["test_fraction"] = 0.25,
        });
        var predicted = await McpToolTests.Structured(client, "neural_predict", new() { ["model"] = "mcp-blobs", ["features"] = new[] { new[] { 4.0, 4.0 } } });
        var evaluated = await McpToolTests.Structured(client, "neural_evaluate", new() { ["model"] = "mcp-blobs" });

        Assert.Equal(["high", "low"], trained.GetProperty("classes").EnumerateArray().Select(c => c.GetString()));
        Assert.Equal("high", predicted.GetProperty("predictions")[0].GetProperty("class").GetString());
        Assert.Equal(30, evaluated.GetProperty("rows").GetInt32());
        Assert.True(evaluated.GetProperty("accuracy").GetDouble() >= 0.9, evaluated.GetRawText());
    }

    [Theory]
    [InlineData("documents_ingest", """{"source": "blank.md", "text": "   \n  "}""", "text must not be empty")]
    [InlineData("documents_ingest", """{"text": "no source"}""", "source")]
    [InlineData("documents_search", """{"query": "?!"}""", "query has no terms")]
    [InlineData("documents_summarize", """{"source": "never-ingested.md"}""", "is not an ingested document")]
    [InlineData("neural_train", """{"model": "one", "task": "classification", "features": [[1],[2],[3],[4],[5],[6],[7],[8],[9],[10]], "labels": ["a","a","a","a","a","a","a","a","a","a"]}""", "at least two classes")]
    [InlineData("neural_train", """{"model": "ragged", "task": "regression", "features": [[1,2],[3]], "labels": [1,2]}""", "ragged")]
    [InlineData("neural_train", """{"model": "few", "task": "regression", "features": [[1],[2]], "labels": [1,2]}""", "at least 10 rows")]
    [InlineData("neural_predict", """{"model": "never-trained", "features": [[1]]}""", "is not trained")]
    public async Task Bad_inputs_are_tool_errors_that_say_what_is_wrong(string tool, string arguments, string message)
    {
        await using var client = await gateway.ConnectAsync();

        var result = await client.CallToolAsync(tool, JsonSerializer.Deserialize<Dictionary<string, object?>>(arguments)!);

        Assert.True(result.IsError is true, $"{tool} {arguments} succeeded");
        Assert.Contains(message, Assert.IsType<TextContentBlock>(Assert.Single(result.Content)).Text, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_workflow_over_http_ingests_then_searches_and_trains_then_predicts()
    {
        var (features, labels) = Blobs(40);
        var created = await gateway.Http.PostOkAsync("/domains/workflows/create", new
        {
            name = "documents_and_neural",
            steps = new object[]
            {
                new { step_id = "ingest", domain_id = "documents", action = "ingest", data = new { source = "http-runbook.md", text = Runbook.Replace("Failover", "Switchover", StringComparison.Ordinal) } },
                new { step_id = "search", domain_id = "documents", action = "search", data = new { query = "switchover" }, depends_on = new[] { "ingest" } },
                new { step_id = "train", domain_id = "neural", action = "train", data = new { model = "http-blobs", task = "classification", features, labels } },
                new { step_id = "predict", domain_id = "neural", action = "predict", data = new { model = "http-blobs", features = new[] { -4.0, -4.0 } }, depends_on = new[] { "train" } },
            },
        });
        var id = created.GetProperty("workflow_id").GetString()!;

        var executed = await gateway.Http.PostJsonAsync($"/domains/workflows/execute/{id}?wait_seconds=60", "");

        Assert.Equal(200, executed.Status);
        Assert.Equal("completed", executed.Body.GetProperty("status").GetString());
        var steps = executed.Body.GetProperty("steps").EnumerateArray().ToDictionary(s => s.GetProperty("step_id").GetString()!, s => s.GetProperty("output"));
        Assert.Equal("http-runbook.md", steps["search"].GetProperty("results")[0].GetProperty("source").GetString());
        Assert.Equal("low", steps["predict"].GetProperty("predictions")[0].GetProperty("class").GetString());
    }

    [Fact]
    public async Task A_bad_input_in_a_workflow_step_fails_the_step_with_its_message_and_no_5xx()
    {
        var created = await gateway.Http.PostOkAsync("/domains/workflows/create", new
        {
            name = "bad_document",
            steps = new object[] { new { domain_id = "documents", action = "ingest", data = new { source = "empty.md", text = "" } } },
        });
        var id = created.GetProperty("workflow_id").GetString()!;

        var executed = await gateway.Http.PostJsonAsync($"/domains/workflows/execute/{id}?wait_seconds=60", "");

        Assert.Equal(200, executed.Status);
        Assert.NotEqual("completed", executed.Body.GetProperty("status").GetString());
        Assert.Contains("text must not be empty", executed.Body.GetProperty("error").GetString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task The_action_route_ingests_and_searches_documents_and_answers_400_for_an_empty_one()
    {
        var ingested = await gateway.Http.PostOkAsync("/domains/actions/documents/ingest", new { source = "route-runbook.md", text = Runbook.Replace("Failover", "Handover", StringComparison.Ordinal) });
        var found = await gateway.Http.PostOkAsync("/domains/actions/documents/search", new { query = "handover" });

        Assert.Equal(2, ingested.GetProperty("sections").GetInt32());
        Assert.Equal("route-runbook.md", found.GetProperty("results")[0].GetProperty("source").GetString());
        HttpJson.AssertProblem(await gateway.Http.PostJsonAsync("/domains/actions/documents/ingest", """{"source": "blank.md", "text": "  "}"""), 400, "text must not be empty");
        HttpJson.AssertProblem(await gateway.Http.PostJsonAsync("/domains/actions/documents/ingest", """{"text": "no source"}"""), 400, "source is required");
    }

    [Fact]
    public async Task The_action_route_trains_and_predicts_and_answers_400_for_a_data_set_with_one_class()
    {
        var (features, labels) = Blobs(30);

        var trained = await gateway.Http.PostOkAsync("/domains/actions/neural/train", new { model = "route-blobs", task = "classification", features, labels });
        var predicted = await gateway.Http.PostOkAsync("/domains/actions/neural/predict", new { model = "route-blobs", features = new[] { new[] { 4.0, 4.0 } } });

        Assert.Equal(["high", "low"], trained.GetProperty("classes").EnumerateArray().Select(c => c.GetString()));
        Assert.Equal("high", predicted.GetProperty("predictions")[0].GetProperty("class").GetString());
        HttpJson.AssertProblem(await gateway.Http.PostJsonAsync("/domains/actions/neural/train",
            """{"model": "one", "task": "classification", "features": [[1],[2],[3],[4],[5],[6],[7],[8],[9],[10]], "labels": ["a","a","a","a","a","a","a","a","a","a"]}"""), 400, "at least two classes");
        HttpJson.AssertProblem(await gateway.Http.PostJsonAsync("/domains/actions/neural/train", """{"model": "typed", "task": "classification", "features": "x", "labels": ["a", "b"]}"""), 400, "features must be an array");
    }

    [Fact]
    [Trait("Category", "Slow")]
    public async Task Training_on_10000_rows_through_the_action_route_outlasts_the_default_grain_call_timeout_and_succeeds()
    {
        var (features, labels) = Blobs(5000);

        var started = System.Diagnostics.Stopwatch.StartNew();
        var trained = await gateway.Http.PostOkAsync("/domains/actions/neural/train", new { model = "route-big", task = "classification", features, labels, test_fraction = 0.2 });
        var evaluated = await gateway.Http.PostOkAsync("/domains/actions/neural/evaluate", new { model = "route-big" });

        Assert.Equal(["high", "low"], trained.GetProperty("classes").EnumerateArray().Select(c => c.GetString()));
        Assert.Equal(2000, evaluated.GetProperty("rows").GetInt32());
        Assert.True(evaluated.GetProperty("accuracy").GetDouble() >= 0.95, evaluated.GetRawText());
        output.WriteLine($"neural.train on 10,000 rows through HTTP: {started.Elapsed.TotalSeconds:F1} s (train_ms {trained.GetProperty("train_ms").GetInt64()})");
    }

    /// <summary>Two well-separated classes, "low" around (−4, −4) and "high" around (4, 4), with a fixed seed.</summary>
    private static (double[][] Features, string[] Labels) Blobs(int perClass)
    {
        var random = new Random(21);
        var rows = Enumerable.Range(0, perClass * 2).Select(i => (Center: i % 2 == 0 ? -4.0 : 4.0, Label: i % 2 == 0 ? "low" : "high")).ToList();
        return ([.. rows.Select(r => new[] { r.Center + random.NextDouble() * 2 - 1, r.Center + random.NextDouble() * 2 - 1 })], [.. rows.Select(r => r.Label)]);
    }
}
