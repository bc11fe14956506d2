using System.Text.Json;
using Rayswarm.Testing;

namespace Rayswarm.Gateway.Tests;

/// <summary>Domains react to events on the embedded gateway (<c>--domains …,monitor</c>): events published over HTTP reach
/// the monitor's stats (MCP <c>monitor_stats</c>) and, for <c>ml.*</c>, the shared memory (<c>/domains/memory/query</c>).</summary>
public sealed class MonitorGatewayTests(ModulesGateway gateway) : IClassFixture<ModulesGateway>
{
    private async Task<JsonElement> MonitorStatsAsync()
    {
        await using var client = await gateway.ConnectAsync();
        return await McpToolTests.Structured(client, "monitor_stats", []);
    }

    private static long CountOf(JsonElement stats, string type) =>
        stats.GetProperty("event_types").EnumerateArray().Where(e => e.GetProperty("event_type").GetString() == type)
            .Select(e => e.GetProperty("count").GetInt64()).SingleOrDefault();

    private async Task WaitSubscribedAsync(string domainId, string pattern) =>
        await Eventually.True(async () => (await gateway.Http.GetOkAsync($"/domains/events/subscriptions?domain_id={domainId}"))
            .GetProperty("subscriptions").EnumerateArray().Any(s => s.GetProperty("pattern").GetString() == pattern), $"{domainId} subscribed to {pattern}");

    private Task<JsonElement> PublishAsync(string type, string source, object data, string? eventId = null) =>
        gateway.Http.PostOkAsync("/domains/events/publish", new { event_type = type, source_domain = source, data, event_id = eventId });

    [Fact]
    public async Task Completed_and_failed_events_published_over_http_show_in_the_monitor_stats_once()
    {
        await WaitSubscribedAsync("monitor", "#.completed");
        await WaitSubscribedAsync("monitor", "#.failed");

        await PublishAsync("mongw.analysis_complete", "mongw_ai", new { score = 1 });
        await PublishAsync("mongw.completed", "mongw_healing", new { component = "ai_domain", success = true }, "mongw-heal-1");
        await PublishAsync("mongw.completed", "mongw_healing", new { component = "ai_domain", success = true }, "mongw-heal-1"); // a retry: same id
        await PublishAsync("mongw_x.failed", "mongw_x", new { error = "disk full" });

        await Eventually.True(async () => CountOf(await MonitorStatsAsync(), "mongw_x.failed") == 1, "the failure was counted");
        await Eventually.True(async () => CountOf(await MonitorStatsAsync(), "mongw.completed") == 1, "the completion was counted");
        var stats = await MonitorStatsAsync();
        Assert.Equal(0, CountOf(stats, "mongw.analysis_complete"));
        Assert.Contains(stats.GetProperty("sources").EnumerateArray(), s => s.GetProperty("source_domain").GetString() == "mongw_healing" && s.GetProperty("count").GetInt64() == 1);
        Assert.Contains(stats.GetProperty("recent_failures").EnumerateArray(), f => f.GetProperty("event_type").GetString() == "mongw_x.failed"
            && f.GetProperty("data").GetProperty("error").GetString() == "disk full");
    }

    [Fact]
    public async Task An_ml_event_published_over_http_appears_once_in_the_memory_query()
    {
        await WaitSubscribedAsync("memory", "ml.*");

        await PublishAsync("ml.prediction", "memgw_ai", new { prediction = "memgw_positive", confidence = 0.9 }, "memgw-1");
        await PublishAsync("ml.prediction", "memgw_ai", new { prediction = "memgw_positive", confidence = 0.9 }, "memgw-1");
        await PublishAsync("mlx.prediction", "memgw_ai", new { prediction = "memgw_positive" });

        const string Query = "/domains/memory/query?query=memgw_positive&domain_id=memgw_ai";
        await Eventually.True(async () => (await gateway.Http.GetOkAsync(Query)).GetProperty("count").GetInt32() >= 1, "the event became a contribution");
        var found = await gateway.Http.GetOkAsync(Query);
        var contribution = Assert.Single(found.GetProperty("results").EnumerateArray()).GetProperty("contribution");
        Assert.Equal(("ml.prediction", 0.9), (contribution.GetProperty("contribution_type").GetString(), contribution.GetProperty("confidence").GetDouble()));
    }
}
