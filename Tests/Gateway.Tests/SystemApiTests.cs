namespace Rayswarm.Gateway.Tests;

public sealed class SystemApiTests(GatewayFixture fixture) : IClassFixture<GatewayFixture>
{
    private HttpClient Http => fixture.Http;

    [Fact]
    public async Task The_overview_shows_domains_events_knowledge_and_workflows_as_they_change()
    {
        await Http.PostOkAsync("/domains/register", new { domain_id = "ov_domain", port = 8500, capabilities = new[] { "overview" } });
        await Http.PostOkAsync("/domains/events/publish", new { event_type = "ov.ping", source_domain = "ov_domain", data = new { n = 1 } });
        await Http.PostOkAsync("/domains/memory/contribute", new { domain_id = "ov_domain", contribution_type = "insight", content = new { tip = "overviews summarize" } });
        await Http.PostOkAsync("/domains/workflows/create", new { name = "ov_flow", steps = new[] { new { domain_id = "ov_domain", action = "noop" } } });

        var overview = await Http.GetJsonAsync("/domains/system/overview");

        Assert.Equal(200, overview.Status);
        var body = overview.Body;
        Assert.True(body.GetProperty("registry").GetProperty("total_domains").GetInt32() >= 1);
        Assert.Contains(body.GetProperty("domains").EnumerateArray(), d => d.GetProperty("domain_id").GetString() == "ov_domain" && d.GetProperty("status").GetString() == "healthy");
        // domain.registered and ov.ping at least.
        Assert.True(body.GetProperty("events").GetProperty("total_published").GetInt64() >= 2);
        Assert.True(body.GetProperty("events").TryGetProperty("events_per_second", out _));
        Assert.True(body.GetProperty("knowledge").GetProperty("total_contributions").GetInt32() >= 1);
        Assert.True(body.GetProperty("workflows").GetProperty("total_workflows").GetInt64() >= 1);
        Assert.Equal(System.Text.Json.JsonValueKind.Array, body.GetProperty("active_workflows").ValueKind);
        Assert.Equal(System.Text.Json.JsonValueKind.Array, body.GetProperty("hosted_domains").ValueKind);
    }

    [Fact]
    public async Task The_OpenAPI_document_lists_every_domains_route()
    {
        var document = await Http.GetJsonAsync("/openapi/v1.json");
        var paths = document.Body.GetProperty("paths");
        var expected = GatewayRoutes.Documented;
        Assert.Equal(48, expected.Length);
        var documented = paths.EnumerateObject().Select(p => p.Name).Where(p => p.StartsWith("/domains", StringComparison.Ordinal)).Order(StringComparer.Ordinal).ToArray();
        Assert.Equal(expected.Order(StringComparer.Ordinal).ToArray(), documented);
        var swagger = await Http.GetAsync("/swagger/index.html");
        Assert.Equal(System.Net.HttpStatusCode.OK, swagger.StatusCode);
    }
}
