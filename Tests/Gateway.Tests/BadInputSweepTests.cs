namespace Rayswarm.Gateway.Tests;

/// <summary>Every POST route against a sweep of malformed bodies: each answer is a 4xx problem, never a 5xx.</summary>
public sealed class BadInputSweepTests(GatewayFixture fixture) : IClassFixture<GatewayFixture>
{
    private static readonly string[] s_routes =
    [
        "/domains/register", "/domains/heartbeat/sweep_domain", "/domains/events/publish", "/domains/events/subscribe",
        "/domains/memory/contribute", "/domains/memory/verify/c_missing", "/domains/memory/apply/c_missing",
        "/domains/workflows/create", "/domains/workflows/execute/wf_missing",
    ];

    private static readonly string[] s_bodies =
    [
        "null", "[]", "42", "\"text\"", "{}", "{", "{\"a\":}", "{\"domain_id\": null, \"event_type\": null, \"name\": null}",
        "{\"domain_id\": 1e400}", "{\"domain_id\": [\"x\"], \"steps\": {}, \"capabilities\": 7}",
        "{\"name\": \"n\", \"steps\": [null]}", "{\"name\": \"n\", \"steps\": [{\"domain_id\": \"a\", \"action\": \"b\", \"depends_on\": [null]}]}",
        "{\"event_type\": \"..\", \"source_domain\": \"x\"}", "{\"domain_id\": \"x\", \"pattern\": \"ml.**.[\"}",
        "{\"domain_id\": \"x\", \"contribution_type\": \"t\", \"content\": \"not an object\"}",
        "{\"domain_id\": \"x\", \"outcome\": \"maybe\"}", "{\"domain_id\": \"" + new string('x', 5000) + "\"}",
        new string('[', 5000) + new string(']', 5000),
    ];

    public static TheoryData<string> Routes() => [.. s_routes];

    [Theory]
    [MemberData(nameof(Routes))]
    public async Task Malformed_bodies_get_a_4xx_problem_never_a_5xx(string route)
    {
        foreach (var body in s_bodies)
        {
            var answer = await fixture.Http.PostJsonAsync(route, body);
            Assert.True(answer.Status is >= 400 and < 500, $"POST {route} with {Shorten(body)} → {answer.Status}: {answer.Body}");
            Assert.Equal("application/problem+json", answer.MediaType);
        }
    }

    [Theory]
    [InlineData("/domains/memory/query?query=x&min_confidence=abc")]
    [InlineData("/domains/memory/query?query=x&min_confidence=7")]
    [InlineData("/domains/memory/query?query=x&limit=-1")]
    [InlineData("/domains/memory/domain/bad%20id?limit=abc")]
    [InlineData("/domains/memory/top-contributors?limit=999999999999")]
    [InlineData("/domains/events/history?since=yesterday")]
    [InlineData("/domains/events/history?limit=0")]
    [InlineData("/domains/events/history?after=-5")]
    [InlineData("/domains/events/history?pattern=ml.%5B")]
    [InlineData("/domains/events/subscriptions?domain_id=bad%20id")]
    [InlineData("/domains/workflows/list?limit=abc")]
    [InlineData("/domains/workflows/list?status=sleeping")]
    [InlineData("/domains/workflows/list?offset=-3")]
    [InlineData("/domains/workflows/wf_missing")]
    [InlineData("/domains/workflows/wf_missing/verify")]
    [InlineData("/domains/find-by-capability/%20")]
    [InlineData("/domains/domain/" + "x%2Fy")]
    public async Task Malformed_queries_get_a_4xx_problem_never_a_5xx(string path)
    {
        var answer = await fixture.Http.GetJsonAsync(path);
        Assert.True(answer.Status is >= 400 and < 500, $"GET {path} → {answer.Status}: {answer.Body}");
        Assert.Equal("application/problem+json", answer.MediaType);
    }

    private static string Shorten(string body) => body.Length > 80 ? body[..80] + "…" : body;
}
