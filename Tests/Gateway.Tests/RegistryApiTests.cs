using System.Text.Json;

namespace Rayswarm.Gateway.Tests;

public sealed class RegistryApiTests(GatewayFixture fixture) : IClassFixture<GatewayFixture>
{
    private HttpClient Http => fixture.Http;

    [Fact]
    public async Task Register_then_get_list_capabilities_find_and_stats_show_the_domain_with_its_peers()
    {
        await Http.PostOkAsync("/domains/register", new { domain_id = "reg_vision", port = 8301, capabilities = new[] { "vision", "reg_ml" } });
        var registered = await Http.PostOkAsync("/domains/register", new { domain_id = "reg_nlp", endpoint = "http://127.0.0.1:8302", capabilities = new[] { "nlp", "reg_ml" }, metadata = new { team = "text" } });
        Assert.Equal("reg_nlp", registered.GetProperty("domain_id").GetString());
        Assert.Equal("healthy", registered.GetProperty("status").GetString());
        Assert.Equal(new[] { "reg_vision" }, Strings(registered.GetProperty("peers")));

        var one = await Http.GetJsonAsync("/domains/domain/reg_nlp");
        Assert.Equal(200, one.Status);
        Assert.Equal("http://127.0.0.1:8302", one.Body.GetProperty("endpoint").GetString());
        Assert.Equal("text", one.Body.GetProperty("metadata").GetProperty("team").GetString());

        var list = await Http.GetJsonAsync("/domains/list");
        var ids = list.Body.GetProperty("domains").EnumerateArray().Select(d => d.GetProperty("domain_id").GetString()).ToList();
        Assert.Contains("reg_vision", ids);
        Assert.Contains("reg_nlp", ids);
        Assert.Equal(ids.Count, list.Body.GetProperty("count").GetInt32());

        var map = await Http.GetJsonAsync("/domains/capabilities");
        Assert.Equal(new[] { "reg_nlp", "reg_vision" }, Strings(map.Body.GetProperty("capabilities").GetProperty("reg_ml")));

        var found = await Http.GetJsonAsync("/domains/find-by-capability/vision");
        Assert.Equal(new[] { "reg_vision" }, found.Body.GetProperty("domains").EnumerateArray().Select(d => d.GetProperty("domain_id").GetString()).ToArray());
        Assert.Equal("vision", found.Body.GetProperty("capability").GetString());

        var stats = await Http.GetJsonAsync("/domains/registry-stats");
        Assert.True(stats.Body.GetProperty("total_domains").GetInt32() >= 2);
        Assert.True(stats.Body.GetProperty("healthy").GetInt32() >= 2);
    }

    [Fact]
    public async Task A_heartbeat_counts_and_an_unknown_domain_is_404()
    {
        await Http.PostOkAsync("/domains/register", new { domain_id = "reg_beat", port = 8303, capabilities = new[] { "beat" } });
        var beat = await Http.PostJsonAsync("/domains/heartbeat/reg_beat", "");
        Assert.Equal(200, beat.Status);
        Assert.Equal(1, beat.Body.GetProperty("heartbeat_count").GetInt64());

        HttpJson.AssertProblem(await Http.PostJsonAsync("/domains/heartbeat/reg_nobody", ""), 404, "reg_nobody");
        HttpJson.AssertProblem(await Http.GetJsonAsync("/domains/domain/reg_nobody"), 404, "reg_nobody");
        HttpJson.AssertProblem(await Http.GetJsonAsync("/domains/domain/bad%20id"), 400, "domain_id");
    }

    [Theory]
    [InlineData("""{"port": 8000, "capabilities": ["a"]}""", "domain_id")]
    [InlineData("""{"domain_id": "x y", "port": 8000, "capabilities": ["a"]}""", "domain_id")]
    [InlineData("""{"domain_id": "reg_bad", "capabilities": ["a"]}""", "port")]
    [InlineData("""{"domain_id": "reg_bad", "port": 70000, "capabilities": ["a"]}""", "port")]
    [InlineData("""{"domain_id": "reg_bad", "endpoint": "ftp://x", "capabilities": ["a"]}""", "endpoint")]
    [InlineData("""{"domain_id": "reg_bad", "port": 8000}""", "capabilities")]
    [InlineData("""{"domain_id": "reg_bad", "port": 8000, "capabilities": [""]}""", "capabilities")]
    [InlineData("""{"domain_id": "reg_bad", "port": "eighty", "capabilities": ["a"]}""", "port")]
    [InlineData("""{"domain_id": "reg_bad", "port": 8000, "capabilities": "ml"}""", "capabilities")]
    [InlineData("""{"domain_id": "reg_bad", """, "JSON")]
    [InlineData("""[1, 2]""", "JSON")]
    public async Task Bad_registrations_are_400_problems_naming_the_field(string body, string field)
    {
        HttpJson.AssertProblem(await Http.PostJsonAsync("/domains/register", body), 400, field);
        HttpJson.AssertProblem(await Http.GetJsonAsync("/domains/domain/reg_bad"), 404);
    }

    [Fact]
    public async Task An_empty_body_is_a_400_and_a_form_body_a_415()
    {
        HttpJson.AssertProblem(await Http.PostJsonAsync("/domains/register", ""), 400);
        HttpJson.AssertProblem(await Http.SendAsync(HttpMethod.Post, "/domains/register", "domain_id=x", "application/x-www-form-urlencoded"), 415, "application/json");
    }

    [Fact]
    public async Task A_body_over_the_limit_is_a_413()
    {
        var huge = $$"""{"domain_id": "reg_huge", "port": 8000, "capabilities": ["{{new string('a', 2 * 1024 * 1024)}}"]}""";
        HttpJson.AssertProblem(await Http.PostJsonAsync("/domains/register", huge), 413, "bytes");
    }

    [Fact]
    public async Task A_wrong_method_is_a_405_problem()
    {
        HttpJson.AssertProblem(await Http.GetJsonAsync("/domains/register"), 405);
    }

    private static string?[] Strings(JsonElement array) => array.EnumerateArray().Select(e => e.GetString()).ToArray();
}
