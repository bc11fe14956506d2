namespace Rayswarm.Gateway.Tests;

/// <summary>Bodies the way a user writes them first: a workflow step naming its domain with "domain" (as the design's own
/// examples do), and an application reported as {"success": true|false}.</summary>
public sealed class DesignBodyAliasesTests(GatewayFixture fixture) : IClassFixture<GatewayFixture>
{
    private HttpClient Http => fixture.Http;

    [Fact]
    public async Task A_workflow_step_may_name_its_domain_with_domain()
    {
        var created = await Http.PostJsonAsync("/domains/workflows/create",
            """{"name": "alias_wf", "steps": [{"domain": "memory", "action": "search", "data": {"query": "alias"}}, {"domain_id": "events", "domain": "ignored", "action": "publish", "data": {"event_type": "alias.done"}, "depends_on": ["step_1"]}]}""");
        Assert.True(created.Status == 200, $"{created.Status}: {created.Body}");
        var steps = created.Body.GetProperty("steps").EnumerateArray().ToList();
        Assert.Equal(["memory", "events"], steps.Select(s => s.GetProperty("domain_id").GetString()));

        var id = created.Body.GetProperty("workflow_id").GetString();
        var executed = await Http.PostJsonAsync($"/domains/workflows/execute/{id}", "");
        Assert.Equal("completed", executed.Body.GetProperty("status").GetString());
    }

    [Fact]
    public async Task A_step_without_domain_or_domain_id_is_a_400_naming_domain_id()
    {
        HttpJson.AssertProblem(await Http.PostJsonAsync("/domains/workflows/create",
            """{"name": "no_domain", "steps": [{"action": "search"}]}"""), 400, "domain_id");
    }

    [Fact]
    public async Task An_application_may_be_reported_as_success_true_or_false()
    {
        var contributed = await Http.PostJsonAsync("/domains/memory/contribute",
            """{"domain_id": "alias_author", "contribution_type": "tip", "content": {"tip": "use success flags"}}""");
        var id = contributed.Body.GetProperty("contribution_id").GetString();

        var worked = await Http.PostJsonAsync($"/domains/memory/apply/{id}", """{"domain_id": "alias_user", "success": true}""");
        var failed = await Http.PostJsonAsync($"/domains/memory/apply/{id}", """{"domain_id": "alias_user", "success": false}""");

        Assert.Equal((200, 200), (worked.Status, failed.Status));
        Assert.Equal((2, 1, 1), (failed.Body.GetProperty("applications").GetInt32(), failed.Body.GetProperty("successes").GetInt32(), failed.Body.GetProperty("failures").GetInt32()));
        HttpJson.AssertProblem(await Http.PostJsonAsync($"/domains/memory/apply/{id}", """{"domain_id": "alias_user", "outcome": "success", "success": false}"""), 400, "contradicts");
    }
}
