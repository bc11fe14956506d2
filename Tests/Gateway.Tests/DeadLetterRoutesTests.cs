using System.Text.Json;
using ModelContextProtocol.Protocol;
using Rayswarm.Testing;

namespace Rayswarm.Gateway.Tests;

/// <summary>Dead letters of the event bus from outside: a subscriber endpoint fails until its events are parked, is fixed,
/// and a replay over HTTP or MCP delivers them and empties the list; the figures follow. Bad input is a 4xx or a tool error.</summary>
public sealed class DeadLetterRoutesTests(McpGateway gateway) : IClassFixture<McpGateway>
{
    private HttpClient Http => gateway.Http;

    private async Task<(EventSink Sink, string SubscriptionId)> FailingSubscriberAsync(string domainId, string pattern)
    {
        var sink = await EventSink.StartAsync();
        await Http.PostOkAsync("/domains/register", new { domain_id = domainId, endpoint = sink.Endpoint, capabilities = new[] { "dead-letters" } });
        var subscribed = await Http.PostOkAsync("/domains/events/subscribe", new { domain_id = domainId, pattern });
        return (sink, subscribed.GetProperty("subscription_id").GetString()!);
    }

    private async Task<JsonElement> ParkedAsync(string subscriptionId, int count, string order = "newest")
    {
        JsonElement list = default;
        await Eventually.True(async () =>
            (list = await Http.GetOkAsync($"/domains/events/dead-letters?subscription_id={subscriptionId}&order={order}")).GetProperty("count").GetInt32() == count,
            $"{count} dead letters of {subscriptionId}", timeoutMs: 60_000);
        return list;
    }

    private async Task<JsonElement> SubscriptionAsync(string domainId) =>
        (await Http.GetOkAsync($"/domains/events/subscriptions?domain_id={domainId}")).GetProperty("subscriptions")[0];

    [Fact]
    public async Task Events_a_failing_endpoint_dead_lettered_are_listed_then_replayed_once_it_is_fixed()
    {
        var (sink, id) = await FailingSubscriberAsync("dl_http", "dlhttp.*");
        await using var _ = sink;
        var first = await Http.PostOkAsync("/domains/events/publish", new { event_type = "dlhttp.one", source_domain = "dl_source", data = new { n = 1 } });
        await ParkedAsync(id, 1);
        var second = await Http.PostOkAsync("/domains/events/publish", new { event_type = "dlhttp.two", source_domain = "dl_source", data = new { n = 2 } });

        var newest = await ParkedAsync(id, 2);
        var oldest = await Http.GetOkAsync($"/domains/events/dead-letters?subscription_id={id}&order=oldest&limit=1");

        var ids = (first.GetProperty("event_id").GetString()!, second.GetProperty("event_id").GetString()!);
        var top = newest.GetProperty("dead_letters")[0];
        Assert.Equal((id, "dl_http", ids.Item2, "dlhttp.two", "dl_source", 2),
            (top.GetProperty("subscription_id").GetString(), top.GetProperty("domain_id").GetString(), top.GetProperty("event").GetProperty("event_id").GetString(),
             top.GetProperty("event").GetProperty("event_type").GetString(), top.GetProperty("event").GetProperty("source_domain").GetString(),
             top.GetProperty("event").GetProperty("data").GetProperty("n").GetInt32()));
        Assert.Equal(5, top.GetProperty("attempts").GetInt32());
        Assert.Contains("503", top.GetProperty("error").GetString(), StringComparison.Ordinal);
        Assert.Equal(ids.Item1, Assert.Single(oldest.GetProperty("dead_letters").EnumerateArray()).GetProperty("event").GetProperty("event_id").GetString());
        Assert.Equal(2, (await SubscriptionAsync("dl_http")).GetProperty("dead_letters").GetInt64());
        Assert.Empty(sink.Received);

        // Still failing: the replay stops at the first event, and both stay parked.
        var refused = await Http.PostOkAsync("/domains/events/dead-letters/replay", new { subscription_id = id, all = true });
        Assert.Empty(refused.GetProperty("replayed").EnumerateArray());
        Assert.Equal([ids.Item1, ids.Item2], refused.GetProperty("still_parked").EnumerateArray().Select(e => e.GetString()));
        Assert.Contains("503", refused.GetProperty("error").GetString(), StringComparison.Ordinal);
        await ParkedAsync(id, 2);

        sink.Failing = false;
        var replayed = await Http.PostOkAsync("/domains/events/dead-letters/replay", new { subscription_id = id, all = true });

        Assert.Equal([ids.Item1, ids.Item2], replayed.GetProperty("replayed").EnumerateArray().Select(e => e.GetString()));
        Assert.Equal(JsonValueKind.Null, replayed.GetProperty("error").ValueKind);
        Assert.Equal([ids.Item1, ids.Item2], sink.Received);
        Assert.Equal(0, (await Http.GetOkAsync($"/domains/events/dead-letters?subscription_id={id}")).GetProperty("count").GetInt32());
        var figures = await SubscriptionAsync("dl_http");
        Assert.Equal((0L, 2L), (figures.GetProperty("dead_letters").GetInt64(), figures.GetProperty("delivered").GetInt64()));
        HttpJson.AssertProblem(await Http.PostJsonAsync("/domains/events/dead-letters/replay", $$"""{"subscription_id": "{{id}}", "event_ids": ["{{ids.Item1}}"]}"""), 404, ids.Item1);
    }

    [Fact]
    public async Task The_mcp_tools_list_and_replay_chosen_dead_letters()
    {
        var (sink, id) = await FailingSubscriberAsync("dl_mcp", "dlmcp.*");
        await using var _ = sink;
        var eventIds = new List<string>();
        for (var i = 0; i < 2; i++)
        {
            eventIds.Add((await Http.PostOkAsync("/domains/events/publish", new { event_type = "dlmcp.thing", source_domain = "dl_source" })).GetProperty("event_id").GetString()!);
            await ParkedAsync(id, i + 1);
        }
        await using var client = await gateway.ConnectAsync(McpGateway.Stateful);

        var listed = await McpToolTests.Structured(client, "list_dead_letters", new() { ["subscription_id"] = id, ["oldest_first"] = true });
        Assert.Equal(eventIds, listed.GetProperty("dead_letters").EnumerateArray().Select(d => d.GetProperty("event").GetProperty("event_id").GetString()));

        sink.Failing = false;
        var replayed = await McpToolTests.Structured(client, "replay_dead_letters", new() { ["subscription_id"] = id, ["event_ids"] = new[] { eventIds[1] } });

        Assert.Equal([eventIds[1]], replayed.GetProperty("replayed").EnumerateArray().Select(e => e.GetString()));
        Assert.Equal([eventIds[1]], sink.Received);
        var left = await McpToolTests.Structured(client, "list_dead_letters", new() { ["subscription_id"] = id });
        Assert.Equal([eventIds[0]], left.GetProperty("dead_letters").EnumerateArray().Select(d => d.GetProperty("event").GetProperty("event_id").GetString()));
        var error = await client.CallToolAsync("replay_dead_letters", new Dictionary<string, object?> { ["subscription_id"] = "no-such-subscription", ["all"] = true });
        Assert.True(error.IsError);
        Assert.Contains("no-such-subscription", Assert.IsType<TextContentBlock>(Assert.Single(error.Content)).Text, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("GET", "/domains/events/dead-letters?subscription_id=no-such-subscription", null, 404, "no-such-subscription")]
    [InlineData("GET", "/domains/events/dead-letters?limit=0", null, 400, "limit must be between 1 and 1000")]
    [InlineData("GET", "/domains/events/dead-letters?limit=lots", null, 400, "limit must be a whole number")]
    [InlineData("GET", "/domains/events/dead-letters?order=sideways", null, 400, "order must be 'newest' or 'oldest'")]
    [InlineData("POST", "/domains/events/dead-letters/replay", """{"subscription_id": "no-such-subscription", "all": true}""", 404, "no-such-subscription")]
    [InlineData("POST", "/domains/events/dead-letters/replay", """{"all": true}""", 400, "subscription_id")]
    [InlineData("POST", "/domains/events/dead-letters/replay", """{"subscription_id": "s"}""", 400, "either event_ids or all=true")]
    [InlineData("POST", "/domains/events/dead-letters/replay", """{"subscription_id": "s", "all": true, "event_ids": ["e"]}""", 400, "either event_ids or all=true")]
    [InlineData("POST", "/domains/events/dead-letters/replay", """{"subscription_id": "s", "event_ids": []}""", 400, "event_ids must hold 1 to 1000 ids")]
    public async Task Bad_input_is_a_4xx_problem(string method, string path, string? body, int status, string detail) =>
        HttpJson.AssertProblem(await Http.SendAsync(new HttpMethod(method), path, body), status, detail);
}
