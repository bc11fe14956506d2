using System.Text.Json;

namespace Rayswarm.Gateway.Tests;

/// <summary>The /domains/events routes over real HTTP against the embedded gateway.</summary>
public sealed class EventsApiTests(GatewayFixture fixture) : IClassFixture<GatewayFixture>
{
    private HttpClient Http => fixture.Http;

    [Fact]
    public async Task The_design_curl_example_publishes_and_returns_the_stored_event()
    {
        // Verbatim body of the design's example 2.
        var published = await Http.PostJsonAsync("/domains/events/publish", """
            {
                "event_type": "ml.prediction",
                "source_domain": "ai_domain",
                "data": {"prediction": "positive"}
              }
            """);

        Assert.Equal(200, published.Status);
        var body = published.Body;
        Assert.Equal("ml.prediction", body.GetProperty("event_type").GetString());
        Assert.Equal("ai_domain", body.GetProperty("source_domain").GetString());
        Assert.Equal("positive", body.GetProperty("data").GetProperty("prediction").GetString());
        Assert.False(string.IsNullOrEmpty(body.GetProperty("event_id").GetString()));
        Assert.True(body.GetProperty("position").GetInt64() > 0);
        Assert.True(body.GetProperty("timestamp").GetDateTimeOffset() > DateTimeOffset.UtcNow.AddMinutes(-5));

        var history = await Http.GetJsonAsync("/domains/events/history?event_type=ml.prediction&source_domain=ai_domain");
        Assert.Equal(200, history.Status);
        Assert.Contains(history.Body.GetProperty("events").EnumerateArray(),
            e => e.GetProperty("event_id").GetString() == body.GetProperty("event_id").GetString());
    }

    [Fact]
    public async Task Subscribe_lists_the_subscription_and_is_idempotent()
    {
        await Http.PostOkAsync("/domains/register", new { domain_id = "evapi_sub", port = 8401, capabilities = new[] { "listen" } });

        var first = await Http.PostOkAsync("/domains/events/subscribe", new { domain_id = "evapi_sub", pattern = "ml.*" });
        var again = await Http.PostOkAsync("/domains/events/subscribe", new { domain_id = "evapi_sub", pattern = "ml.*" });
        await Http.PostOkAsync("/domains/events/subscribe", new { domain_id = "evapi_sub", pattern = "*" });

        Assert.Equal(first.GetProperty("subscription_id").GetString(), again.GetProperty("subscription_id").GetString());
        Assert.Equal("evapi_sub", first.GetProperty("domain_id").GetString());
        Assert.Equal("ml.*", first.GetProperty("pattern").GetString());
        var mine = await Http.GetJsonAsync("/domains/events/subscriptions?domain_id=evapi_sub");
        Assert.Equal(200, mine.Status);
        Assert.Equal(2, mine.Body.GetProperty("count").GetInt32());
        Assert.Equal(new[] { "*", "ml.*" }, mine.Body.GetProperty("subscriptions").EnumerateArray().Select(s => s.GetProperty("pattern").GetString()));
        var all = await Http.GetJsonAsync("/domains/events/subscriptions");
        Assert.True(all.Body.GetProperty("count").GetInt32() >= 2);
        Assert.All(mine.Body.GetProperty("subscriptions").EnumerateArray(), s =>
        {
            Assert.True(s.TryGetProperty("delivered", out _));
            Assert.True(s.TryGetProperty("pending", out _));
            Assert.True(s.TryGetProperty("dead_letters", out _));
            Assert.True(s.TryGetProperty("created_at", out _));
        });
    }

    [Fact]
    public async Task History_pages_with_after_and_limit()
    {
        for (var i = 0; i < 3; i++)
        {
            await Http.PostOkAsync("/domains/events/publish", new { event_type = "evapi.page", source_domain = "evapi_pager", data = new { n = i } });
        }

        var first = await Http.GetJsonAsync("/domains/events/history?event_type=evapi.page&limit=2");
        var next = first.Body.GetProperty("next_position").GetInt64();
        var second = await Http.GetJsonAsync($"/domains/events/history?event_type=evapi.page&limit=2&after={next}");
        var since = await Http.GetJsonAsync($"/domains/events/history?pattern=evapi.*&source_domain=evapi_pager&since={Uri.EscapeDataString(DateTimeOffset.UtcNow.AddMinutes(-5).ToString("O"))}");

        Assert.Equal(new[] { 0, 1 }, Numbers(first.Body));
        Assert.True(first.Body.GetProperty("has_more").GetBoolean());
        Assert.Equal(new[] { 2 }, Numbers(second.Body));
        Assert.False(second.Body.GetProperty("has_more").GetBoolean());
        Assert.Equal(new[] { 0, 1, 2 }, Numbers(since.Body));
    }

    [Fact]
    public async Task Stats_report_totals_types_and_the_recent_rate()
    {
        await Http.PostOkAsync("/domains/events/publish", new { event_type = "evapi.stats", source_domain = "evapi_stats" });

        var stats = await Http.GetJsonAsync("/domains/events/stats");

        Assert.Equal(200, stats.Status);
        Assert.True(stats.Body.GetProperty("total_published").GetInt64() >= 1);
        Assert.Contains(stats.Body.GetProperty("top_event_types").EnumerateArray(), t => t.GetProperty("event_type").GetString() == "evapi.stats");
        Assert.True(stats.Body.GetProperty("events_last_minute").GetInt64() >= 1);
        Assert.True(stats.Body.GetProperty("events_per_second").GetDouble() > 0);
        foreach (var field in new[] { "event_types", "subscriptions", "delivered", "pending", "dead_letters", "measured_at" })
        {
            Assert.True(stats.Body.TryGetProperty(field, out _), field);
        }
    }

    [Theory]
    [InlineData("""{"source_domain": "ai_domain"}""", "event_type")]
    [InlineData("""{"event_type": "ml..x", "source_domain": "ai_domain"}""", "event_type")]
    [InlineData("""{"event_type": "ml.prediction"}""", "source_domain")]
    [InlineData("""{"event_type": "ml.prediction", "source_domain": "ai domain"}""", "source_domain")]
    [InlineData("""{"event_type": "ml.prediction", "source_domain": "ai_domain", "data": [1, 2]}""", "data")]
    [InlineData("""{"event_type": "ml.prediction", "source_domain": "ai_domain", "data": "positive"}""", "data")]
    [InlineData("""{"event_type": 5, "source_domain": "ai_domain"}""", "event_type")]
    [InlineData("""{"event_type": "ml.prediction", """, "JSON")]
    public async Task Bad_publishes_are_400_problems_naming_the_field(string body, string field)
    {
        HttpJson.AssertProblem(await Http.PostJsonAsync("/domains/events/publish", body), 400, field);
    }

    [Fact]
    public async Task Rates_list_each_event_type_with_its_events_of_the_last_minute_fastest_first()
    {
        for (var n = 0; n < 3; n++)
        {
            await Http.PostOkAsync("/domains/events/publish", new { event_type = "evapi.rate.fast", source_domain = "evapi_rates", data = new { n } });
        }
        await Http.PostOkAsync("/domains/events/publish", new { event_type = "evapi.rate.slow", source_domain = "evapi_rates", data = new { n = 0 } });

        var rates = await Http.GetOkAsync("/domains/events/rates");

        var types = rates.GetProperty("types").EnumerateArray().Select(t => t.GetProperty("event_type").GetString()).ToList();
        var fast = rates.GetProperty("types")[types.IndexOf("evapi.rate.fast")];
        var slow = rates.GetProperty("types")[types.IndexOf("evapi.rate.slow")];
        Assert.True(types.IndexOf("evapi.rate.fast") < types.IndexOf("evapi.rate.slow"), string.Join(", ", types));
        Assert.Equal((3, 3), (fast.GetProperty("total").GetInt64(), fast.GetProperty("last_minute").GetInt64()));
        Assert.Equal((1, 1), (slow.GetProperty("total").GetInt64(), slow.GetProperty("last_minute").GetInt64()));
        Assert.True(fast.GetProperty("per_second").GetDouble() > slow.GetProperty("per_second").GetDouble(), rates.ToString());
        Assert.Equal(types.Count, rates.GetProperty("event_types").GetInt32());
        Assert.InRange(rates.GetProperty("window_seconds").GetDouble(), 0.001, 60);
    }

    [Theory]
    [InlineData("""{"pattern": "ml.*"}""", 400, "domain_id")]
    [InlineData("""{"domain_id": "evapi_sub", "pattern": "ml.pre*"}""", 400, "pattern")]
    [InlineData("""{"domain_id": "evapi_sub"}""", 400, "pattern")]
    [InlineData("""{"domain_id": "evapi_unknown", "pattern": "ml.*"}""", 404, "evapi_unknown")]
    public async Task Bad_subscriptions_are_problems(string body, int status, string detail)
    {
        HttpJson.AssertProblem(await Http.PostJsonAsync("/domains/events/subscribe", body), status, detail);
    }

    [Theory]
    [InlineData("/domains/events/history?limit=0", "limit")]
    [InlineData("/domains/events/history?limit=5000", "limit")]
    [InlineData("/domains/events/history?limit=ten", "limit")]
    [InlineData("/domains/events/history?after=-1", "after")]
    [InlineData("/domains/events/history?since=yesterday", "since")]
    [InlineData("/domains/events/history?since=2025-02-01T00:00:00Z&until=2025-01-01T00:00:00Z", "until")]
    [InlineData("/domains/events/history?event_type=ml.*", "event_type")]
    [InlineData("/domains/events/history?pattern=ml..x", "pattern")]
    [InlineData("/domains/events/history?source_domain=a%20b", "source_domain")]
    [InlineData("/domains/events/subscriptions?domain_id=a%20b", "domain_id")]
    public async Task Bad_queries_are_400_problems_naming_the_field(string path, string field)
    {
        HttpJson.AssertProblem(await Http.GetJsonAsync(path), 400, field);
    }

    private static int[] Numbers(JsonElement page) =>
        [.. page.GetProperty("events").EnumerateArray().Select(e => e.GetProperty("data").GetProperty("n").GetInt32())];
}
