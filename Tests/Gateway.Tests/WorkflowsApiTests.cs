using System.Text.Json;
using Rayswarm.Testing;

namespace Rayswarm.Gateway.Tests;

/// <summary>The workflow routes over real HTTP against the embedded gateway, with an endpoint domain served by the test.</summary>
public sealed class WorkflowsApiTests(GatewayFixture fixture) : IClassFixture<GatewayFixture>, IAsyncLifetime
{
    private const string CurlExample = """{"name": "analyze_code", "steps": [{"domain_id": "memory_domain", "action": "search", "data": {}}, {"domain_id": "ai_domain", "action": "analyze", "data": {}, "depends_on": ["step_1"]}]}""";

    private readonly TaskCompletionSource _releaseSlow = new(TaskCreationOptions.RunContinuationsAsynchronously);
    private EndpointDomain _remote = null!;

    private HttpClient Http => fixture.Http;

    public async Task InitializeAsync()
    {
        _remote = await EndpointDomain.StartAsync();
        _remote.Handler = async (path, body) =>
        {
            if (path.EndsWith("/compensate", StringComparison.Ordinal)) { return (200, ""); }
            if (path == "/actions/explode") { return (500, """{"error": "exploded"}"""); }
            if (path == "/actions/slow") { await _releaseSlow.Task; } // runs until the test lets it finish
            return (200, JsonSerializer.Serialize(new { step = body.GetProperty("step_id").GetString(), seen = body.GetProperty("input").GetProperty("dependencies") }));
        };
    }

    public async Task DisposeAsync()
    {
        _releaseSlow.TrySetResult();
        await _remote.DisposeAsync();
    }

    private async Task<string> RegisterRemoteAsync(string id)
    {
        await Http.PostOkAsync("/domains/register", new { domain_id = id, endpoint = _remote.Endpoint, capabilities = new[] { "workflow-test" } });
        return id;
    }

    [Fact]
    public async Task The_design_curl_example_creates_a_workflow_that_rolls_back_when_its_domains_are_missing()
    {
        var created = await Http.PostJsonAsync("/domains/workflows/create", CurlExample);

        Assert.Equal(200, created.Status);
        var id = created.Body.GetProperty("workflow_id").GetString()!;
        Assert.Matches("^wf_[0-9a-f]{32}$", id);
        Assert.Equal("created", created.Body.GetProperty("status").GetString());
        Assert.Equal("analyze_code", created.Body.GetProperty("name").GetString());
        var steps = created.Body.GetProperty("steps").EnumerateArray().ToArray();
        Assert.Equal(["step_1", "step_2"], steps.Select(s => s.GetProperty("step_id").GetString()));
        Assert.Equal("step_1", steps[1].GetProperty("depends_on")[0].GetString());
        Assert.Equal("pending", steps[0].GetProperty("status").GetString());

        var executed = await Http.PostJsonAsync($"/domains/workflows/execute/{id}", "");
        Assert.Equal(200, executed.Status);
        Assert.Equal("rolled_back", executed.Body.GetProperty("status").GetString());
        Assert.Contains("memory_domain", executed.Body.GetProperty("error").GetString());

        var got = await Http.GetJsonAsync($"/domains/workflows/{id}");
        Assert.Equal(200, got.Status);
        Assert.Equal("rolled_back", got.Body.GetProperty("status").GetString());
        var audit = got.Body.GetProperty("audit").EnumerateArray().ToArray();
        Assert.Equal("created", audit[0].GetProperty("type").GetString());
        Assert.Equal(new string('0', 64), audit[0].GetProperty("prev_hash").GetString());
        Assert.Equal(audit[^1].GetProperty("hash").GetString(), got.Body.GetProperty("proof").GetProperty("head_hash").GetString());
        Assert.Equal("ES256", got.Body.GetProperty("proof").GetProperty("algorithm").GetString());

        var verified = await Http.GetJsonAsync($"/domains/workflows/{id}/verify");
        Assert.Equal(200, verified.Status);
        Assert.True(verified.Body.GetProperty("valid").GetBoolean(), verified.Body.ToString());
        Assert.True(verified.Body.GetProperty("signature_valid").GetBoolean());
        Assert.Equal(audit.Length, verified.Body.GetProperty("entries").GetInt32());

        HttpJson.AssertProblem(await Http.PostJsonAsync($"/domains/workflows/execute/{id}", ""), 409, "already rolled back");
    }

    [Fact]
    public async Task A_workflow_on_an_endpoint_domain_completes_and_shows_in_list_and_stats()
    {
        var domain = await RegisterRemoteAsync("wf_api_remote");
        var created = await Http.PostOkAsync("/domains/workflows/create", new
        {
            name = "api_complete",
            steps = new object[]
            {
                new { domain_id = domain, action = "fetch", data = new { q = 1 } },
                new { domain_id = domain, action = "store", depends_on = new[] { "step_1" }, timeout_seconds = 10 },
            },
        });
        var id = created.GetProperty("workflow_id").GetString()!;

        var executed = await Http.PostJsonAsync($"/domains/workflows/execute/{id}?wait_seconds=20", "");

        Assert.Equal(200, executed.Status);
        Assert.Equal("completed", executed.Body.GetProperty("status").GetString());
        var second = executed.Body.GetProperty("steps")[1];
        Assert.Equal("completed", second.GetProperty("status").GetString());
        Assert.Equal("step_1", second.GetProperty("output").GetProperty("seen").GetProperty("step_1").GetProperty("step").GetString());

        var list = await Http.GetJsonAsync("/domains/workflows/list?status=completed&limit=1000");
        Assert.Equal(200, list.Status);
        Assert.Contains(id, list.Body.GetProperty("workflows").EnumerateArray().Select(w => w.GetProperty("workflow_id").GetString()));
        Assert.All(list.Body.GetProperty("workflows").EnumerateArray(), w => Assert.Equal("completed", w.GetProperty("status").GetString()));
        var page = await Http.GetJsonAsync("/domains/workflows/list?limit=1&offset=0");
        Assert.Equal(1, page.Body.GetProperty("workflows").GetArrayLength());
        Assert.Equal(1, page.Body.GetProperty("limit").GetInt32());

        var stats = await Http.GetJsonAsync("/domains/workflows-stats");
        Assert.Equal(200, stats.Status);
        Assert.True(stats.Body.GetProperty("by_status").GetProperty("completed").GetInt64() >= 1);
        Assert.True(stats.Body.GetProperty("total_workflows").GetInt64() >= 1);
        Assert.True(stats.Body.GetProperty("steps_completed").GetInt64() >= 2);
    }

    [Fact]
    public async Task A_failing_endpoint_step_rolls_back_the_completed_one_over_http()
    {
        var domain = await RegisterRemoteAsync("wf_api_failing");
        var created = await Http.PostOkAsync("/domains/workflows/create", new
        {
            name = "api_rollback",
            steps = new object[]
            {
                new { domain_id = domain, action = "fetch", step_id = "fetch" },
                new { domain_id = domain, action = "explode", depends_on = new[] { "fetch" } },
            },
        });
        var id = created.GetProperty("workflow_id").GetString()!;

        var executed = await Http.PostJsonAsync($"/domains/workflows/execute/{id}", "");

        Assert.Equal("rolled_back", executed.Body.GetProperty("status").GetString());
        Assert.Equal("compensated", executed.Body.GetProperty("steps")[0].GetProperty("status").GetString());
        Assert.Contains(_remote.Calls, c => c.Path == "/actions/fetch/compensate" && c.Body.GetProperty("workflow_id").GetString() == id);
    }

    [Fact]
    public async Task Execute_answers_202_while_the_workflow_still_runs()
    {
        var domain = await RegisterRemoteAsync("wf_api_slow");
        var created = await Http.PostOkAsync("/domains/workflows/create", new { name = "api_slow", steps = new[] { new { domain_id = domain, action = "slow" } } });
        var id = created.GetProperty("workflow_id").GetString()!;

        var executed = await Http.PostJsonAsync($"/domains/workflows/execute/{id}?wait_seconds=0", "");

        Assert.Equal(202, executed.Status);
        Assert.Equal("running", executed.Body.GetProperty("status").GetString());
        HttpJson.AssertProblem(await Http.PostJsonAsync($"/domains/workflows/execute/{id}", ""), 409, "already running");
        _releaseSlow.SetResult();
        await Eventually.True(async () => (await Http.GetJsonAsync($"/domains/workflows/{id}")).Body.GetProperty("status").GetString() == "completed",
            "the slow workflow completes");
    }

    [Theory]
    [InlineData("""{"name": "w", "steps": [{"domain_id": "a", "action": "x"}, {"domain_id": "b", "action": "y", "depends_on": ["step_9"]}]}""", "steps[1].depends_on: unknown step 'step_9'")]
    [InlineData("""{"name": "w", "steps": [{"domain_id": "a", "action": "x", "depends_on": ["step_2"]}, {"domain_id": "b", "action": "y", "depends_on": ["step_1"]}]}""", "cycle: step_1 -> step_2 -> step_1")]
    [InlineData("""{"steps": [{"domain_id": "a", "action": "x"}]}""", "name is required")]
    [InlineData("""{"name": "w"}""", "steps must list at least one step")]
    [InlineData("""{"name": "w", "steps": []}""", "steps must list at least one step")]
    [InlineData("""{"name": "w", "steps": [{"action": "x"}]}""", "steps[0].domain_id is required")]
    [InlineData("""{"name": "w", "steps": [{"domain_id": "a"}]}""", "steps[0].action is required")]
    [InlineData("""{"name": "w", "steps": [{"domain_id": "a", "capability": "c", "action": "x"}]}""", "steps[0]: give domain_id or capability, not both")]
    [InlineData("""{"name": "w", "steps": [{"capability": "c", "strategy": "fastest", "action": "x"}]}""", "steps[0].strategy must be one of least_loaded, round_robin, random (was 'fastest')")]
    [InlineData("""{"name": "w", "steps": [{"domain_id": "a", "strategy": "random", "action": "x"}]}""", "steps[0].strategy is only for a step routed by capability")]
    [InlineData("""{"name": "w", "steps": "all of them"}""", "steps")]
    [InlineData("""{"name": "w", "steps": [""", "JSON")]
    public async Task Invalid_workflows_are_400_problems_naming_the_field(string body, string detail)
    {
        HttpJson.AssertProblem(await Http.PostJsonAsync("/domains/workflows/create", body), 400, detail);
    }

    [Theory]
    [InlineData("/domains/workflows/list?status=bogus", "status")]
    [InlineData("/domains/workflows/list?limit=0", "limit")]
    [InlineData("/domains/workflows/list?offset=-1", "offset")]
    [InlineData("/domains/workflows/list?limit=many", "limit")]
    public async Task Invalid_list_parameters_are_400_problems(string path, string detail)
    {
        HttpJson.AssertProblem(await Http.GetJsonAsync(path), 400, detail);
    }

    [Fact]
    public async Task Unknown_workflows_are_404_problems()
    {
        HttpJson.AssertProblem(await Http.GetJsonAsync("/domains/workflows/wf_nope"), 404, "wf_nope");
        HttpJson.AssertProblem(await Http.GetJsonAsync("/domains/workflows/wf_nope/verify"), 404, "wf_nope");
        HttpJson.AssertProblem(await Http.PostJsonAsync("/domains/workflows/execute/wf_nope", ""), 404, "wf_nope");
        HttpJson.AssertProblem(await Http.PostJsonAsync("/domains/workflows/execute/wf_nope?wait_seconds=-1", ""), 400, "wait_seconds");
    }
}
