using System.Text.Json;
using Rayswarm.Grains;
using Rayswarm.Grains.Interfaces;

namespace Rayswarm.Domains.Monitor.Tests;

/// <summary>The monitor domain hosted in a real silo on SQLite: its own bus subscriptions deliver completed and failed
/// events into its stats, other events do not reach it, a redelivery counts once, and the counts survive a restart.</summary>
public sealed class MonitorDomainTests : IAsyncLifetime
{
    private ModuleSilo _silo = null!;

    private IEventBusGrain Bus => _silo.Grains.GetGrain<IEventBusGrain>(IEventBusGrain.Key);

    public async Task InitializeAsync()
    {
        _silo = await ModuleSilo.StartAsync(s => s.AddDomainModule(new MonitorModule()));
        await Eventually.True(async () => (await Bus.GetSubscriptions(MonitorDomainGrain.DomainId)).Count == 2, "the monitor subscribed itself");
    }

    public async Task DisposeAsync() => await _silo.DisposeAsync();

    private Task<JsonElement> StatsAsync() => _silo.ExecuteAsync(MonitorDomainGrain.DomainId, "stats", new { });

    private static long CountOf(JsonElement stats, string list, string key, string name) =>
        stats.GetProperty(list).EnumerateArray().Where(e => e.GetProperty(key).GetString() == name).Select(e => e.GetProperty("count").GetInt64()).SingleOrDefault();

    private Task<DomainEvent> PublishAsync(string type, string source, object? data = null) =>
        Bus.Publish(new PublishRequest(type, source, data is null ? null : JsonSerializer.SerializeToElement(data)));

    [Fact]
    public async Task The_monitor_subscribes_itself_to_completed_and_failed_events_at_any_depth()
    {
        var subscriptions = await Bus.GetSubscriptions(MonitorDomainGrain.DomainId);

        Assert.Equal(["#.completed", "#.failed"], subscriptions.Select(s => s.Pattern));
    }

    [Fact]
    public async Task Completed_and_failed_events_on_the_bus_show_in_the_stats_and_others_are_ignored()
    {
        await PublishAsync("ml.analysis_complete", "ai_domain", new { score = 1 });
        await PublishAsync("healing.completed", "healing", new { component = "ai_domain", success = true });
        await PublishAsync("x.failed", "x_domain", new { error = "disk full" });
        await PublishAsync("workflow.step.completed", "workflows");
        await PublishAsync("healing.completed", "healing");

        await Eventually.True(async () => (await StatsAsync()).GetProperty("total").GetInt64() == 4, "the four matching events were counted");
        var stats = await StatsAsync();
        Assert.Equal(2, CountOf(stats, "event_types", "event_type", "healing.completed"));
        Assert.Equal(1, CountOf(stats, "event_types", "event_type", "x.failed"));
        Assert.Equal(1, CountOf(stats, "event_types", "event_type", "workflow.step.completed"));
        Assert.Equal(0, CountOf(stats, "event_types", "event_type", "ml.analysis_complete"));
        Assert.Equal(2, CountOf(stats, "sources", "source_domain", "healing"));
        Assert.Equal(1, stats.GetProperty("failures").GetInt64());
        var failure = Assert.Single(stats.GetProperty("recent_failures").EnumerateArray());
        Assert.Equal(("x.failed", "x_domain", "disk full"), (failure.GetProperty("event_type").GetString(),
            failure.GetProperty("source_domain").GetString(), failure.GetProperty("data").GetProperty("error").GetString()));
        var recent = await _silo.ExecuteAsync(MonitorDomainGrain.DomainId, "recent", new { event_type = "healing.completed", limit = 1 });
        Assert.Equal(1, recent.GetProperty("count").GetInt32());
        Assert.Equal("healing.completed", recent.GetProperty("events")[0].GetProperty("event_type").GetString());
    }

    [Fact]
    public async Task A_redelivered_event_counts_once_and_the_counts_survive_a_restart()
    {
        var published = await PublishAsync("deploy.completed", "deployer", new { version = "1.2.3" });
        await Eventually.True(async () => (await StatsAsync()).GetProperty("total").GetInt64() == 1, "the event was counted");

        await (await _silo.WorkerAsync(MonitorDomainGrain.DomainId)).OnEvent(published); // as the bus does after a silo died
        await _silo.RestartAsync();

        var stats = await StatsAsync();
        Assert.Equal((1, 1), (stats.GetProperty("total").GetInt64(), stats.GetProperty("duplicates_ignored").GetInt64()));
        Assert.Equal(1, CountOf(stats, "event_types", "event_type", "deploy.completed"));
        Assert.Equal(published.Timestamp, stats.GetProperty("last_seen").GetDateTimeOffset());
    }

    [Fact]
    public async Task Bad_action_input_is_an_argument_error_naming_the_field()
    {
        var limit = await Assert.ThrowsAsync<ArgumentException>(() => _silo.ExecuteAsync(MonitorDomainGrain.DomainId, "recent", new { limit = 0 }));
        var type = await Assert.ThrowsAsync<ArgumentException>(() => _silo.ExecuteAsync(MonitorDomainGrain.DomainId, "recent", new { event_type = "no spaces" }));
        var action = await Assert.ThrowsAsync<ArgumentException>(() => _silo.ExecuteAsync(MonitorDomainGrain.DomainId, "reset", new { }));

        Assert.Equal(("limit", "event_type"), (limit.ParamName, type.ParamName));
        Assert.Contains("reset", action.Message, StringComparison.Ordinal);
    }
}
