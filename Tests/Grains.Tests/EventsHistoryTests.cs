using System.Text.Json;
using Rayswarm.Grains.Interfaces;

namespace Rayswarm.Grains.Tests;

/// <summary>The bus's history (filters, paging), stats and input validation.</summary>
public sealed class EventsHistoryTests : IAsyncLifetime
{
    private EventsSilo _silo = null!;

    public async Task InitializeAsync() => _silo = await EventsSilo.StartAsync();

    public async Task DisposeAsync() => await _silo.DisposeAsync();

    private async Task<DomainEvent[]> PublishAsync(params (string Type, string Source)[] events)
    {
        var published = new List<DomainEvent>();
        var n = 0;
        foreach (var (type, source) in events)
        {
            published.Add(await _silo.Bus.Publish(new PublishRequest(type, source, JsonDocument.Parse($$"""{"n": {{n++}}}""").RootElement.Clone())));
        }
        return [.. published];
    }

    private static int[] Numbers(EventHistoryPage page) => [.. page.Events.Select(e => e.Data.GetProperty("n").GetInt32())];

    [Fact]
    public async Task History_filters_by_type_pattern_source_and_time()
    {
        var events = await PublishAsync(
            ("ml.prediction", "ai_domain"), ("ml.training", "ai_domain"), ("billing.paid", "shop"),
            ("ml.prediction", "shop"), ("ml.deep.net", "ai_domain"));

        Assert.Equal(new[] { 0, 1, 2, 3, 4 }, Numbers(await _silo.Bus.GetHistory(new EventHistoryQuery())));
        Assert.Equal(new[] { 0, 3 }, Numbers(await _silo.Bus.GetHistory(new EventHistoryQuery(EventType: "ml.prediction"))));
        Assert.Equal(new[] { 0, 1, 3 }, Numbers(await _silo.Bus.GetHistory(new EventHistoryQuery(Pattern: "ml.*"))));
        Assert.Equal(new[] { 0, 1, 3, 4 }, Numbers(await _silo.Bus.GetHistory(new EventHistoryQuery(Pattern: "ml.#"))));
        Assert.Equal(new[] { 0, 1, 4 }, Numbers(await _silo.Bus.GetHistory(new EventHistoryQuery(SourceDomain: "ai_domain"))));
        Assert.Equal(new[] { 3 }, Numbers(await _silo.Bus.GetHistory(new EventHistoryQuery(EventType: "ml.prediction", SourceDomain: "shop"))));
        Assert.Equal(new[] { 0, 3 }, Numbers(await _silo.Bus.GetHistory(new EventHistoryQuery(EventType: "ml.prediction", Pattern: "ml.*"))));
        Assert.Empty((await _silo.Bus.GetHistory(new EventHistoryQuery(EventType: "ml.prediction", Pattern: "billing.*"))).Events);
        Assert.Equal(new[] { 0, 1, 2, 3, 4 }, Numbers(await _silo.Bus.GetHistory(new EventHistoryQuery(Since: events[0].Timestamp, Until: events[4].Timestamp))));
        Assert.Empty((await _silo.Bus.GetHistory(new EventHistoryQuery(Since: events[4].Timestamp.AddSeconds(1)))).Events);
        Assert.Empty((await _silo.Bus.GetHistory(new EventHistoryQuery(Until: events[0].Timestamp.AddSeconds(-1)))).Events);
    }

    [Fact]
    public async Task History_pages_by_position_with_and_without_filters()
    {
        var events = await PublishAsync([.. Enumerable.Range(0, 7).Select(i => (i % 2 == 0 ? "page.even" : "page.odd", "pager"))]);

        var first = await _silo.Bus.GetHistory(new EventHistoryQuery(Limit: 3));
        var second = await _silo.Bus.GetHistory(new EventHistoryQuery(After: first.NextPosition, Limit: 3));
        var third = await _silo.Bus.GetHistory(new EventHistoryQuery(After: second.NextPosition, Limit: 3));

        Assert.Equal([0, 1, 2], Numbers(first));
        Assert.Equal((true, events[2].Position), (first.HasMore, first.NextPosition));
        Assert.Equal([3, 4, 5], Numbers(second));
        Assert.True(second.HasMore);
        Assert.Equal([6], Numbers(third));
        Assert.False(third.HasMore);

        var filtered = await _silo.Bus.GetHistory(new EventHistoryQuery(SourceDomain: "pager", EventType: "page.even", Limit: 2));
        var rest = await _silo.Bus.GetHistory(new EventHistoryQuery(SourceDomain: "pager", EventType: "page.even", After: filtered.NextPosition, Limit: 2));
        Assert.Equal([0, 2], Numbers(filtered));
        Assert.Equal((true, events[2].Position), (filtered.HasMore, filtered.NextPosition));
        Assert.Equal([4, 6], Numbers(rest));
        Assert.True(rest.HasMore); // a full page cannot know whether more follow
        var end = await _silo.Bus.GetHistory(new EventHistoryQuery(SourceDomain: "pager", EventType: "page.even", After: rest.NextPosition, Limit: 2));
        Assert.Equal((0, false, events[6].Position), (end.Events.Count, end.HasMore, end.NextPosition));
    }

    [Fact]
    public async Task Registry_announcements_are_bus_events_from_the_registry()
    {
        await _silo.Registry.Register(new DomainRegistration("ev_announced", 8200, null, ["ml"]));

        var page = await _silo.Bus.GetHistory(new EventHistoryQuery(Pattern: "domain.*", SourceDomain: BusEvents.RegistrySource));

        var announced = Assert.Single(page.Events);
        Assert.Equal(RegistryEvents.Registered, announced.EventType);
        Assert.Equal("ev_announced", announced.Data.GetProperty("domainId").GetString());
    }

    [Fact]
    public async Task Stats_count_types_subscriptions_deliveries_and_the_recent_rate()
    {
        await _silo.Bus.Subscribe(new SubscribeRequest(RecordingWorkerGrain.First, "stats.*"));
        await PublishAsync(("stats.a", "stats_source"), ("stats.a", "stats_source"), ("stats.b", "stats_source"), ("other.c", "stats_source"));
        await Eventually.True(() => RecordingWorkerGrain.Received(RecordingWorkerGrain.First, "stats_source").Length == 3, "three deliveries");

        EventBusStats stats = null!;
        await Eventually.True(async () => (stats = await _silo.Bus.GetStats()).Delivered == 3, "the stats count three deliveries");

        Assert.Equal(4, stats.TotalPublished);
        Assert.Equal(3, stats.EventTypes);
        Assert.Equal([new EventTypeCount("stats.a", 2), new EventTypeCount("other.c", 1), new EventTypeCount("stats.b", 1)], stats.TopEventTypes);
        Assert.Equal(1, stats.Subscriptions);
        Assert.Equal(0, stats.Pending);
        Assert.Equal(0, stats.DeadLetters);
        Assert.Equal(4, stats.EventsLastMinute);
        Assert.True(stats.EventsPerSecond > 0, $"rate {stats.EventsPerSecond}");
    }

    [Fact]
    public async Task Rates_list_each_event_type_with_its_events_of_the_last_minute_fastest_first()
    {
        await PublishAsync(("rate.b", "rate_source"), ("rate.a", "rate_source"), ("rate.a", "rate_source"), ("rate.a", "rate_source"));

        var rates = await _silo.Bus.GetRates();

        Assert.Equal(["rate.a", "rate.b"], rates.Types.Select(t => t.EventType));
        Assert.Equal([(3L, 3L), (1L, 1L)], rates.Types.Select(t => (t.Total, t.LastMinute)));
        Assert.All(rates.Types, t => Assert.True(t.PerSecond > 0, $"{t.EventType}: rate {t.PerSecond}"));
        Assert.Equal(2, rates.EventTypes);
        Assert.InRange(rates.WindowSeconds, 0.001, 60);
    }

    public static TheoryData<PublishRequest, string> BadPublishes => new()
    {
        { new PublishRequest(null!, "ai_domain"), "event_type" },
        { new PublishRequest("", "ai_domain"), "event_type" },
        { new PublishRequest("ml..prediction", "ai_domain"), "event_type" },
        { new PublishRequest("ml.*", "ai_domain"), "event_type" },
        { new PublishRequest(new string('a', 201), "ai_domain"), "event_type" },
        { new PublishRequest("ml.prediction", null!), "source_domain" },
        { new PublishRequest("ml.prediction", "ai domain"), "source_domain" },
        { new PublishRequest("ml.prediction", "ai_domain", JsonDocument.Parse("[1]").RootElement.Clone()), "data" },
        { new PublishRequest("ml.prediction", "ai_domain", JsonDocument.Parse("\"text\"").RootElement.Clone()), "data" },
        { new PublishRequest("ml.prediction", "ai_domain", null, "bad id"), "event_id" },
    };

    [Theory]
    [MemberData(nameof(BadPublishes))]
    public async Task Bad_publishes_throw_naming_the_field(PublishRequest request, string field)
    {
        var error = await Assert.ThrowsAnyAsync<ArgumentException>(() => _silo.Bus.Publish(request));

        Assert.StartsWith(field, error.Message);
        Assert.Empty((await _silo.Bus.GetHistory(new EventHistoryQuery())).Events);
    }

    [Theory]
    [InlineData(null, "ml.*", "domain_id")]
    [InlineData("bad id", "ml.*", "domain_id")]
    [InlineData(RecordingWorkerGrain.First, null, "pattern")]
    [InlineData(RecordingWorkerGrain.First, "", "pattern")]
    [InlineData(RecordingWorkerGrain.First, "ml..x", "pattern")]
    [InlineData(RecordingWorkerGrain.First, "ml.pre*", "pattern")]
    [InlineData(RecordingWorkerGrain.First, "ml.a b", "pattern")]
    public async Task Bad_subscriptions_throw_naming_the_field(string? domainId, string? pattern, string field)
    {
        var error = await Assert.ThrowsAnyAsync<ArgumentException>(() => _silo.Bus.Subscribe(new SubscribeRequest(domainId!, pattern!)));

        Assert.StartsWith(field, error.Message);
    }

    public static TheoryData<EventHistoryQuery, string> BadQueries => new()
    {
        { new EventHistoryQuery(EventType: "ml.*"), "event_type" },
        { new EventHistoryQuery(Pattern: "ml..x"), "pattern" },
        { new EventHistoryQuery(SourceDomain: "a b"), "source_domain" },
        { new EventHistoryQuery(Since: DateTimeOffset.UnixEpoch.AddDays(1), Until: DateTimeOffset.UnixEpoch), "until" },
        { new EventHistoryQuery(After: -1), "after" },
        { new EventHistoryQuery(Limit: 0), "limit" },
        { new EventHistoryQuery(Limit: 1001), "limit" },
    };

    [Theory]
    [MemberData(nameof(BadQueries))]
    public async Task Bad_history_queries_throw_naming_the_field(EventHistoryQuery query, string field)
    {
        var error = await Assert.ThrowsAnyAsync<ArgumentException>(() => _silo.Bus.GetHistory(query));

        Assert.StartsWith(field, error.Message);
    }
}
