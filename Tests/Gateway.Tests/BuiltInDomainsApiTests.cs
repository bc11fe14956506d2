using System.Text.Json;
using Rayswarm.Testing;

namespace Rayswarm.Gateway.Tests;

/// <summary>A workflow over the built-in memory and events domains through the real gateway, observed through the
/// memory and event routes.</summary>
public sealed class BuiltInDomainsApiTests(GatewayFixture fixture) : IClassFixture<GatewayFixture>
{
    private HttpClient Http => fixture.Http;

    [Fact]
    public async Task The_registry_lists_the_built_in_domains_as_hosted_with_their_actions_as_capabilities()
    {
        JsonElement[] hosted = [];
        await Eventually.True(async () =>
        {
            var list = await Http.GetJsonAsync("/domains/list");
            Assert.Equal(200, list.Status);
            hosted = [.. list.Body.GetProperty("domains").EnumerateArray().Where(d => d.GetProperty("kind").GetString() == "hosted")];
            return hosted.Length == 2;
        }, "the silo registered memory and events");

        Assert.Equal(["events", "memory"], hosted.Select(d => d.GetProperty("domain_id").GetString()));
        Assert.Equal(["EventsDomainGrain", "MemoryDomainGrain"], hosted.Select(d => d.GetProperty("grain_type").GetString()));
        Assert.Equal(["publish"], hosted[0].GetProperty("capabilities").EnumerateArray().Select(c => c.GetString()));
        Assert.Equal(["search", "contribute"], hosted[1].GetProperty("capabilities").EnumerateArray().Select(c => c.GetString()));
        Assert.All(hosted, d => Assert.Equal("healthy", d.GetProperty("status").GetString()));

        // An endpoint registration cannot take a hosted domain's id while a silo hosts it.
        var taken = await Http.PostJsonAsync("/domains/register", """{"domain_id": "memory", "port": 8123, "capabilities": ["x"]}""");
        Assert.Equal(409, taken.Status);
        var domain = await Http.GetJsonAsync("/domains/domain/memory");
        Assert.Equal(("hosted", JsonValueKind.Null), (domain.Body.GetProperty("kind").GetString(), domain.Body.GetProperty("port").ValueKind));
    }

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
