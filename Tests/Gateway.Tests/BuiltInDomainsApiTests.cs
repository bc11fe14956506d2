using System.Text.Json;

namespace Rayswarm.Gateway.Tests;

/// <summary>A workflow over the built-in memory and events domains through the real gateway, observed through the
/// memory and event routes.</summary>
public sealed class BuiltInDomainsApiTests(GatewayFixture fixture) : IClassFixture<GatewayFixture>
{
    private HttpClient Http => fixture.Http;

    [Fact]
    public async Task A_workflow_over_the_built_in_domains_contributes_searches_and_publishes()
    {
        var word = "zorblax" + Guid.NewGuid().ToString("N")[..8];
        var eventType = "builtin_api." + word;
        var definition = JsonSerializer.Serialize(new
        {
            name = "builtin_api",
            steps = new object[]
            {
                new { domain_id = "memory", action = "contribute", data = new { domain_id = "ops_domain", contribution_type = "runbook", content = new { issue = word, fix = "restart" } } },
                new { domain_id = "memory", action = "search", data = new { query = word }, depends_on = new[] { "step_1" } },
                new { domain_id = "events", action = "publish", data = new { event_type = eventType, data = new { word } }, depends_on = new[] { "step_1" } },
            },
        });

        var created = await Http.PostJsonAsync("/domains/workflows/create", definition);
        Assert.Equal(200, created.Status);
        var id = created.Body.GetProperty("workflow_id").GetString()!;
        var executed = await Http.PostJsonAsync($"/domains/workflows/execute/{id}?wait_seconds=30", "");

        Assert.Equal(200, executed.Status);
        Assert.Equal("completed", executed.Body.GetProperty("status").GetString());
        var steps = executed.Body.GetProperty("steps").EnumerateArray().ToArray();
        var contributionId = steps[0].GetProperty("output").GetProperty("contribution_id").GetString();
        Assert.Equal(contributionId, steps[1].GetProperty("output").GetProperty("results")[0].GetProperty("contribution").GetProperty("contribution_id").GetString());

        var query = await Http.GetJsonAsync($"/domains/memory/query?query={word}");
        Assert.Equal(200, query.Status);
        var match = Assert.Single(query.Body.GetProperty("results").EnumerateArray());
        Assert.Equal((contributionId, "ops_domain"), (match.GetProperty("contribution").GetProperty("contribution_id").GetString(),
            match.GetProperty("contribution").GetProperty("domain_id").GetString()));

        var history = await Http.GetJsonAsync($"/domains/events/history?event_type={eventType}");
        Assert.Equal(200, history.Status);
        var published = Assert.Single(history.Body.GetProperty("events").EnumerateArray());
        Assert.Equal(($"{id}.step_3", "events", word), (published.GetProperty("event_id").GetString(),
            published.GetProperty("source_domain").GetString(), published.GetProperty("data").GetProperty("word").GetString()));

        var overview = await Http.GetJsonAsync("/domains/system/overview");
        Assert.Equal(["events", "memory"], overview.Body.GetProperty("hosted_domains").EnumerateArray().Select(d => d.GetString()));
    }
}
