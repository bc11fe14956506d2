using System.Text.Json;
using ModelContextProtocol.Protocol;
using Rayswarm.Testing;

namespace Rayswarm.Gateway.Tests;

/// <summary>The <c>code</c> domain module on the embedded gateway (<c>--domains code</c>): registered with its
/// capabilities, its knowledge loaded, the design's "analyze this code" workflow completed with real findings over HTTP,
/// its actions as MCP tools, and bad source a failed step or a tool error, never a 5xx.</summary>
public sealed class CodeDomainGatewayTests(CodeGateway fixture) : IClassFixture<CodeGateway>
{
    private const string Flawed = "public class Worker\n{\n    public async void Run()\n    {\n        try { await System.Threading.Tasks.Task.Delay(1); }\n        catch (System.Exception) { }\n    }\n}\n";

    private static object Workflow(string name, string source) => new
    {
        name,
        steps = new object[]
        {
            new { domain_id = "memory", action = "search", data = new { query = "async" } },
            new { domain_id = "code", action = "analyze", data = new { source }, depends_on = new[] { "step_1" } },
            new
            {
                domain_id = "memory", action = "contribute", depends_on = new[] { "step_2" },
                data = new { domain_id = "code", contribution_type = "code.review", content = new { reviewed = name } },
            },
        },
    };

    private async Task<JsonElement> RunAsync(object workflow)
    {
        var created = await fixture.Http.PostOkAsync("/domains/workflows/create", workflow);
        return await fixture.Http.PostOkAsync($"/domains/workflows/execute/{created.GetProperty("workflow_id").GetString()}?wait_seconds=60", new { });
    }

    [Fact]
    public async Task The_code_domain_is_registered_as_hosted_with_its_capabilities()
    {
        await Eventually.True(async () => (await fixture.Http.GetJsonAsync("/domains/domain/code")).Status == 200, "code registered");

        var code = await fixture.Http.GetOkAsync("/domains/domain/code");
        var analysis = await fixture.Http.GetOkAsync("/domains/find-by-capability/analysis");

        Assert.Equal(("hosted", "code-domain"), (code.GetProperty("kind").GetString(), code.GetProperty("grain_type").GetString()));
        Assert.Equal(["code", "analysis", "analyze", "metrics"], code.GetProperty("capabilities").EnumerateArray().Select(c => c.GetString()));
        Assert.Contains("code", analysis.ToString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task The_shipped_knowledge_of_the_code_domain_is_in_the_shared_memory()
    {
        await Eventually.True(async () =>
            (await fixture.Http.GetOkAsync("/domains/memory/query?query=empty%20catch&domain_id=code&contribution_type=knowledge")).GetProperty("count").GetInt32() == 1,
            "the findings rules document");
    }

    [Fact]
    public async Task The_analyze_this_code_workflow_completes_with_real_findings_that_the_memory_keeps_and_can_verify()
    {
        var workflow = await RunAsync(Workflow("analyze_code", Flawed));

        Assert.Equal("completed", workflow.GetProperty("status").GetString());
        var analysis = workflow.GetProperty("steps")[1].GetProperty("output");
        Assert.Equal([("async-void", 3), ("empty-catch", 6)],
            analysis.GetProperty("findings").EnumerateArray().Select(f => (f.GetProperty("rule").GetString(), f.GetProperty("line").GetInt32())));
        Assert.Equal(["Worker.Run"], analysis.GetProperty("methods").EnumerateArray().Select(m => m.GetProperty("name").GetString()));
        var id = analysis.GetProperty("contribution_id").GetString();

        var stored = await fixture.Http.GetOkAsync("/domains/memory/query?contribution_type=code.findings&domain_id=code");
        Assert.Contains(stored.GetProperty("results").EnumerateArray(), r => r.GetProperty("contribution").GetProperty("contribution_id").GetString() == id);
        var verified = await fixture.Http.PostOkAsync($"/domains/memory/verify/{id}", new { domain_id = "reviewer" });
        Assert.Equal(1, verified.GetProperty("verifications").GetInt32());
    }

    [Fact]
    public async Task Source_that_does_not_parse_fails_its_step_with_the_syntax_error_and_rolls_back_without_a_5xx()
    {
        var workflow = await RunAsync(Workflow("analyze_broken", "public class {"));

        Assert.Equal("rolled_back", workflow.GetProperty("status").GetString());
        var step = workflow.GetProperty("steps")[1];
        Assert.Equal("failed", step.GetProperty("status").GetString());
        Assert.Contains("does not parse as C#", step.GetProperty("error").GetString(), StringComparison.Ordinal);
        Assert.Contains("input.cs line 1", step.GetProperty("error").GetString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Its_actions_are_mcp_tools_with_schemas_versions_and_hints_that_run_the_analysis()
    {
        await using var client = await McpGateway.Connect(fixture.Mcp, McpGateway.Stateful);

        var tools = (await client.ListToolsAsync()).Where(t => t.Name.StartsWith("code_", StringComparison.Ordinal)).ToDictionary(t => t.Name);

        Assert.Equal(["code_analyze", "code_metrics"], tools.Keys.Order(StringComparer.Ordinal));
        Assert.True(tools["code_metrics"].ProtocolTool.Annotations?.ReadOnlyHint);
        Assert.False(tools["code_analyze"].ProtocolTool.Annotations?.ReadOnlyHint);
        Assert.Equal("1.0.0", tools["code_analyze"].ProtocolTool.Meta?["rayswarm/version"]?.GetValue<string>());
        Assert.Equal("string", tools["code_analyze"].JsonSchema.GetProperty("properties").GetProperty("source").GetProperty("type").GetString());

        var metrics = await McpToolTests.Structured(client, "code_metrics", new() { ["source"] = Flawed });
        Assert.Equal((1, 8, 1, 2), (metrics.GetProperty("methods").GetInt32(), metrics.GetProperty("lines").GetInt32(),
            metrics.GetProperty("types").GetInt32(), metrics.GetProperty("findings").GetInt32()));

        var analysis = await McpToolTests.Structured(client, "code_analyze", new() { ["source"] = Flawed, ["contribute"] = false });
        Assert.Equal(2, analysis.GetProperty("findings").GetArrayLength());
        Assert.Equal(JsonValueKind.Null, analysis.GetProperty("contribution_id").ValueKind);
    }

    [Theory]
    [InlineData("class {", "does not parse as C#")]
    [InlineData("   ", "source is empty")]
    public async Task Bad_source_is_a_tool_error_that_says_why(string source, string message)
    {
        await using var client = await McpGateway.Connect(fixture.Mcp, McpGateway.Stateful);

        var result = await client.CallToolAsync("code_analyze", new Dictionary<string, object?> { ["source"] = source });

        Assert.True(result.IsError is true, "code_analyze succeeded");
        Assert.Contains(message, Assert.IsType<TextContentBlock>(Assert.Single(result.Content)).Text, StringComparison.Ordinal);
    }

    [Fact]
    public async Task The_action_route_analyzes_code_and_answers_400_for_code_that_does_not_parse_or_a_wrong_field()
    {
        var analysis = await fixture.Http.PostOkAsync("/domains/actions/code/analyze", new { source = Flawed, contribute = false });

        Assert.Equal([("async-void", 3), ("empty-catch", 6)],
            analysis.GetProperty("findings").EnumerateArray().Select(f => (f.GetProperty("rule").GetString(), f.GetProperty("line").GetInt32())));
        HttpJson.AssertProblem(await fixture.Http.PostJsonAsync("/domains/actions/code/analyze", """{"source": "public class {"}"""), 400, "does not parse as C#");
        HttpJson.AssertProblem(await fixture.Http.PostJsonAsync("/domains/actions/code/analyze", """{"source": 42}"""), 400, "source must be a string (was the number 42)");
        HttpJson.AssertProblem(await fixture.Http.PostJsonAsync("/domains/actions/code/analyze", "[1]"), 400, "must be a JSON object");
        HttpJson.AssertProblem(await fixture.Http.PostJsonAsync("/domains/actions/code/refactor", "{}"), 404, "refactor");
        HttpJson.AssertProblem(await fixture.Http.PostJsonAsync("/domains/actions/astrology/analyze", "{}"), 404, "astrology");
    }
}
