using System.Text.Json;

namespace Rayswarm.Gateway.Tests;

/// <summary>Every /domains/memory route over real HTTP against the embedded gateway, including the design's curl body.</summary>
public sealed class MemoryApiTests(GatewayFixture fixture) : IClassFixture<GatewayFixture>
{
    private HttpClient Http => fixture.Http;

    private async Task<string> ContributeAsync(string domain, string contentJson, string type = "optimization")
    {
        var response = await Http.PostJsonAsync("/domains/memory/contribute",
            $$"""{"domain_id": "{{domain}}", "contribution_type": "{{type}}", "content": {{contentJson}}}""");
        Assert.True(response.Status == 200, $"contribute → {response.Status}: {response.Body}");
        return response.Body.GetProperty("contribution_id").GetString()!;
    }

    [Fact]
    public async Task The_design_curl_example_contributes_knowledge()
    {
        // Body exactly as in the design's curl example.
        var response = await Http.PostJsonAsync("/domains/memory/contribute",
            """{"domain_id": "ai_domain", "contribution_type": "optimization", "content": {"technique": "caching", "improvement": "2x faster"}}""");

        Assert.True(response.Status == 200, $"{response.Status}: {response.Body}");
        var body = response.Body;
        Assert.Equal(32, body.GetProperty("contribution_id").GetString()!.Length);
        Assert.Equal("ai_domain", body.GetProperty("domain_id").GetString());
        Assert.Equal("optimization", body.GetProperty("contribution_type").GetString());
        Assert.Equal("2x faster", body.GetProperty("content").GetProperty("improvement").GetString());
        Assert.Equal(0.5, body.GetProperty("confidence").GetDouble());
        Assert.Equal(0, body.GetProperty("verifications").GetInt32());
        Assert.Empty(body.GetProperty("verified_by").EnumerateArray());
        Assert.Equal((0, 0, 0), (body.GetProperty("applications").GetInt32(), body.GetProperty("successes").GetInt32(), body.GetProperty("failures").GetInt32()));
        Assert.Equal(body.GetProperty("created_at").GetDateTimeOffset(), body.GetProperty("updated_at").GetDateTimeOffset());
    }

    [Fact]
    public async Task A_query_finds_port_timeout_once_a_verification_raised_its_confidence()
    {
        var id = await ContributeAsync("mem_healing", """{"issue": "port_timeout", "solution": "restart_component", "success_rate": 0.95}""");
        const string Query = "/domains/memory/query?query=port%20timeout&min_confidence=0.7";
        var before = await Http.GetJsonAsync(Query);
        Assert.Equal(200, before.Status);
        Assert.DoesNotContain(id, Ids(before.Body));

        var verified = await Http.PostJsonAsync($"/domains/memory/verify/{id}", """{"domain_id": "mem_monitoring", "notes": "seen it work"}""");
        Assert.Equal(200, verified.Status);
        Assert.Equal(0.75, verified.Body.GetProperty("confidence").GetDouble(), 12);
        Assert.Equal(["mem_monitoring"], verified.Body.GetProperty("verified_by").EnumerateArray().Select(e => e.GetString()));

        var after = await Http.GetJsonAsync(Query);
        Assert.Contains(id, Ids(after.Body));
        Assert.Equal("port timeout", after.Body.GetProperty("query").GetString());
        var match = after.Body.GetProperty("results").EnumerateArray().First(r => r.GetProperty("contribution").GetProperty("contribution_id").GetString() == id);
        Assert.InRange(match.GetProperty("relevance").GetDouble(), 1e-9, 1);
        Assert.Equal(match.GetProperty("relevance").GetDouble() * 0.75, match.GetProperty("score").GetDouble(), 9);

        var filtered = await Http.GetJsonAsync("/domains/memory/query?query=restart&contribution_type=optimization&domain_id=mem_healing&limit=5");
        Assert.Equal(new[] { id }, Ids(filtered.Body));
        Assert.Empty(Ids((await Http.GetJsonAsync("/domains/memory/query?query=restart&domain_id=mem_nobody")).Body));
    }

    [Fact]
    public async Task Applications_move_the_confidence_and_show_in_domain_pages_top_contributors_and_stats()
    {
        var first = await ContributeAsync("mem_top", """{"tip": "first"}""");
        var second = await ContributeAsync("mem_top", """{"tip": "second"}""", "pattern");

        var success = await Http.PostJsonAsync($"/domains/memory/apply/{first}", """{"domain_id": "mem_user", "outcome": "success"}""");
        var failure = await Http.PostJsonAsync($"/domains/memory/apply/{first}", """{"domain_id": "mem_user", "outcome": "failure", "notes": "no effect"}""");
        Assert.Equal(200, success.Status);
        Assert.Equal(2.0 / 3, success.Body.GetProperty("confidence").GetDouble(), 12);
        Assert.Equal(0.5, failure.Body.GetProperty("confidence").GetDouble(), 12);
        Assert.Equal((2, 1, 1), (failure.Body.GetProperty("applications").GetInt32(), failure.Body.GetProperty("successes").GetInt32(), failure.Body.GetProperty("failures").GetInt32()));

        var page = await Http.GetJsonAsync("/domains/memory/domain/mem_top?limit=1");
        Assert.Equal(200, page.Status);
        Assert.Equal(2, page.Body.GetProperty("total").GetInt32());
        Assert.Equal([second], page.Body.GetProperty("contributions").EnumerateArray().Select(c => c.GetProperty("contribution_id").GetString()));
        var next = await Http.GetJsonAsync("/domains/memory/domain/mem_top?offset=1&limit=1");
        Assert.Equal([first], next.Body.GetProperty("contributions").EnumerateArray().Select(c => c.GetProperty("contribution_id").GetString()));

        var top = await Http.GetJsonAsync("/domains/memory/top-contributors?limit=100");
        Assert.Equal(200, top.Status);
        var mine = top.Body.GetProperty("contributors").EnumerateArray().Single(c => c.GetProperty("domain_id").GetString() == "mem_top");
        Assert.Equal((2, 1), (mine.GetProperty("contributions").GetInt32(), mine.GetProperty("successful_applications").GetInt32()));

        var stats = await Http.GetJsonAsync("/domains/memory/stats");
        Assert.Equal(200, stats.Status);
        Assert.True(stats.Body.GetProperty("total_contributions").GetInt32() >= 2);
        Assert.True(stats.Body.GetProperty("total_applications").GetInt32() >= 2);
        Assert.True(stats.Body.GetProperty("by_type").GetProperty("pattern").GetInt32() >= 1);
        Assert.InRange(stats.Body.GetProperty("success_rate").GetDouble(), 0, 1);
    }

    [Fact]
    public async Task Verifying_your_own_contribution_or_twice_is_409_and_an_unknown_id_is_404()
    {
        var id = await ContributeAsync("mem_owner", """{"tip": "mine"}""");

        HttpJson.AssertProblem(await Http.PostJsonAsync($"/domains/memory/verify/{id}", """{"domain_id": "mem_owner"}"""), 409, "mem_owner");
        Assert.Equal(200, (await Http.PostJsonAsync($"/domains/memory/verify/{id}", """{"domain_id": "mem_other", "valid": false}""")).Status);
        HttpJson.AssertProblem(await Http.PostJsonAsync($"/domains/memory/verify/{id}", """{"domain_id": "mem_other"}"""), 409, "already verified");
        HttpJson.AssertProblem(await Http.PostJsonAsync("/domains/memory/verify/mem_ghost", """{"domain_id": "mem_other"}"""), 404, "mem_ghost");
        HttpJson.AssertProblem(await Http.PostJsonAsync("/domains/memory/apply/mem_ghost", """{"domain_id": "mem_other", "outcome": "success"}"""), 404, "mem_ghost");
    }

    [Theory]
    [InlineData("""{"contribution_type": "optimization", "content": {"a": "b"}}""", "domain_id")]
    [InlineData("""{"domain_id": "x y", "contribution_type": "optimization", "content": {"a": "b"}}""", "domain_id")]
    [InlineData("""{"domain_id": "mem_bad", "content": {"a": "b"}}""", "contribution_type")]
    [InlineData("""{"domain_id": "mem_bad", "contribution_type": "not ok", "content": {"a": "b"}}""", "contribution_type")]
    [InlineData("""{"domain_id": "mem_bad", "contribution_type": "optimization"}""", "content")]
    [InlineData("""{"domain_id": "mem_bad", "contribution_type": "optimization", "content": {}}""", "content")]
    [InlineData("""{"domain_id": "mem_bad", "contribution_type": "optimization", "content": ["a"]}""", "content")]
    [InlineData("""{"domain_id": "mem_bad", "contribution_type": 7, "content": {"a": "b"}}""", "contribution_type")]
    [InlineData("""{"domain_id": "mem_bad", """, "JSON")]
    public async Task Bad_contributions_are_400_problems_naming_the_field(string body, string field)
    {
        HttpJson.AssertProblem(await Http.PostJsonAsync("/domains/memory/contribute", body), 400, field);
        Assert.Equal(0, (await Http.GetJsonAsync("/domains/memory/domain/mem_bad")).Body.GetProperty("total").GetInt32());
    }

    [Fact]
    public async Task Content_over_64_KiB_is_a_400_naming_content()
    {
        var body = $$$"""{"domain_id": "mem_big", "contribution_type": "optimization", "content": {"text": "{{{new string('x', 70_000)}}}"}}""";

        HttpJson.AssertProblem(await Http.PostJsonAsync("/domains/memory/contribute", body), 400, "content must be at most 65536 bytes");
    }

    [Fact]
    public async Task Bad_verifications_and_applications_are_400_problems_naming_the_field()
    {
        var id = await ContributeAsync("mem_target", """{"tip": "target"}""");

        HttpJson.AssertProblem(await Http.PostJsonAsync($"/domains/memory/verify/{id}", """{"valid": true}"""), 400, "domain_id");
        HttpJson.AssertProblem(await Http.PostJsonAsync($"/domains/memory/verify/{id}", """{"domain_id": "mem_v", "valid": "yes"}"""), 400, "valid");
        HttpJson.AssertProblem(await Http.PostJsonAsync($"/domains/memory/verify/{id}", ""), 400);
        HttpJson.AssertProblem(await Http.PostJsonAsync($"/domains/memory/apply/{id}", """{"domain_id": "mem_user", "outcome": "maybe"}"""), 400, "outcome");
        HttpJson.AssertProblem(await Http.PostJsonAsync($"/domains/memory/apply/{id}", """{"domain_id": "mem_user"}"""), 400, "outcome");
        HttpJson.AssertProblem(await Http.PostJsonAsync($"/domains/memory/apply/{id}", """{"outcome": "success"}"""), 400, "domain_id");
        var unchanged = await Http.GetJsonAsync($"/domains/memory/domain/mem_target");
        Assert.Equal(0.5, unchanged.Body.GetProperty("contributions")[0].GetProperty("confidence").GetDouble());
    }

    [Theory]
    [InlineData("/domains/memory/query?query=x&min_confidence=abc", "min_confidence")]
    [InlineData("/domains/memory/query?query=x&min_confidence=1.5", "min_confidence")]
    [InlineData("/domains/memory/query?query=x&limit=0", "limit")]
    [InlineData("/domains/memory/query?query=x&limit=101", "limit")]
    [InlineData("/domains/memory/query?query=x&limit=ten", "limit")]
    [InlineData("/domains/memory/query?query=x&contribution_type=a%20b", "contribution_type")]
    [InlineData("/domains/memory/query?query=x&domain_id=a%2Fb", "domain_id")]
    [InlineData("/domains/memory/domain/bad%20id", "domain_id")]
    [InlineData("/domains/memory/domain/mem_x?offset=-1", "offset")]
    [InlineData("/domains/memory/domain/mem_x?limit=500", "limit")]
    [InlineData("/domains/memory/top-contributors?limit=0", "limit")]
    [InlineData("/domains/memory/top-contributors?limit=x", "limit")]
    public async Task Bad_query_parameters_are_400_problems_naming_the_parameter(string path, string field)
    {
        HttpJson.AssertProblem(await Http.GetJsonAsync(path), 400, field);
    }

    private static string?[] Ids(JsonElement result) =>
        [.. result.GetProperty("results").EnumerateArray().Select(r => r.GetProperty("contribution").GetProperty("contribution_id").GetString())];

    [Fact]
    public async Task The_confidence_distribution_counts_every_contribution_in_its_tenth()
    {
        var before = await Http.GetOkAsync("/domains/memory/confidence");
        await ContributeAsync("memapi_confidence", """{"tip": "a new contribution starts at 0.5"}""");

        var after = await Http.GetOkAsync("/domains/memory/confidence");
        var stats = await Http.GetOkAsync("/domains/memory/stats");

        int[] Counts(JsonElement d) => [.. d.GetProperty("buckets").EnumerateArray().Select(b => b.GetProperty("count").GetInt32())];
        var expected = Counts(before);
        expected[5]++;
        Assert.Equal(expected, Counts(after));
        Assert.Equal(stats.GetProperty("total_contributions").GetInt32(), after.GetProperty("total").GetInt32());
        Assert.Equal(Counts(after).Sum(), after.GetProperty("total").GetInt32());
        var fifth = after.GetProperty("buckets")[5];
        Assert.Equal((0.5, 0.6), (fifth.GetProperty("from").GetDouble(), fifth.GetProperty("to").GetDouble()));
    }
}
