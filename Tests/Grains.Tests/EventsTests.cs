using System.Text.Json;
using Rayswarm.Grains.Interfaces;

namespace Rayswarm.Grains.Tests;

/// <summary>The event bus in a real silo: publish, subscriptions with wildcards, delivery to hosted and HTTP domains,
/// retries and dead letters.</summary>
public sealed class EventsTests : IAsyncLifetime
{
    private const string One = RecordingWorkerGrain.First;
    private const string Two = RecordingWorkerGrain.Second;

    private EventsSilo _silo = null!;

    public async Task InitializeAsync() => _silo = await EventsSilo.StartAsync();

    public async Task DisposeAsync() => await _silo.DisposeAsync();

    private static JsonElement Json(string json) => JsonDocument.Parse(json).RootElement.Clone();

    [Fact]
    public async Task Publish_returns_the_stored_event_with_its_id_position_and_time()
    {
        var before = DateTimeOffset.UtcNow.AddSeconds(-1);

        var first = await _silo.Bus.Publish(new PublishRequest("ml.prediction", "ai_domain", Json("""{"prediction": "positive"}""")));
        var second = await _silo.Bus.Publish(new PublishRequest("ml.training", "ai_domain"));

        Assert.Equal("ml.prediction", first.EventType);
        Assert.Equal("ai_domain", first.SourceDomain);
        Assert.Equal("positive", first.Data.GetProperty("prediction").GetString());
        Assert.False(string.IsNullOrEmpty(first.EventId));
        Assert.True(first.Position > 0);
        Assert.True(second.Position > first.Position);
        Assert.InRange(first.Timestamp, before, DateTimeOffset.UtcNow.AddSeconds(1));
        Assert.Equal(JsonValueKind.Object, second.Data.ValueKind);
        Assert.Empty(second.Data.EnumerateObject());
        var stored = (await _silo.Bus.GetHistory(new EventHistoryQuery())).Events;
        Assert.Equal([first.EventId, second.EventId], stored.Select(e => e.EventId));
        Assert.Equal(first.Position, stored[0].Position);
        Assert.Equal("positive", stored[0].Data.GetProperty("prediction").GetString());
    }

    [Fact]
    public async Task Publishing_with_the_same_event_id_stores_the_event_once()
    {
        var first = await _silo.Bus.Publish(new PublishRequest("ml.retry", "ai_domain", Json("""{"n": 1}"""), "retry-1"));
        var again = await _silo.Bus.Publish(new PublishRequest("ml.retry", "ai_domain", Json("""{"n": 1}"""), "retry-1"));

        Assert.Equal("retry-1", first.EventId);
        Assert.Equal(first.Position, again.Position);
        Assert.Single((await _silo.Bus.GetHistory(new EventHistoryQuery(EventType: "ml.retry"))).Events);
    }

    [Fact]
    public async Task Hosted_domains_receive_the_events_their_patterns_match()
    {
        const string source = "wild_source";
        await _silo.Bus.Subscribe(new SubscribeRequest(One, "ml.*"));
        await _silo.Bus.Subscribe(new SubscribeRequest(Two, "*"));

        await _silo.Bus.Publish(new PublishRequest("ml.prediction", source, Json("""{"n": 1}""")));
        await _silo.Bus.Publish(new PublishRequest("ml.deep.net", source, Json("""{"n": 2}""")));
        await _silo.Bus.Publish(new PublishRequest("billing.paid", source, Json("""{"n": 3}""")));
        await _silo.Bus.Publish(new PublishRequest("ml.prediction", source, Json("""{"n": 4}""")));

        await Eventually.True(() => RecordingWorkerGrain.Received(Two, source).Length == 4, "the '*' subscriber got every event");
        await Eventually.True(() => RecordingWorkerGrain.Received(One, source).Length == 2, "the 'ml.*' subscriber got the two ml.prediction events");
        var one = RecordingWorkerGrain.Received(One, source);
        Assert.Equal([1, 4], one.Select(e => e.Data.GetProperty("n").GetInt32()));
        Assert.All(one, e => Assert.Equal("ml.prediction", e.EventType));
        Assert.Equal([1, 2, 3, 4], RecordingWorkerGrain.Received(Two, source).Select(e => e.Data.GetProperty("n").GetInt32()).Order());
        var subscriptions = await _silo.Bus.GetSubscriptions();
        Assert.Equal([(One, "ml.*"), (Two, "*")], subscriptions.Select(s => (s.DomainId, s.Pattern)));
        await Eventually.True(async () => (await _silo.Bus.GetSubscriptions(Two)).Single().Delivered == 4, "the figures show four deliveries");
        Assert.Equal(0, (await _silo.Bus.GetSubscriptions(Two)).Single().Pending);
    }

    [Fact]
    public async Task Subscribing_again_returns_the_same_subscription_and_unsubscribing_ends_it()
    {
        var first = await _silo.Bus.Subscribe(new SubscribeRequest(One, "ops.#"));
        var again = await _silo.Bus.Subscribe(new SubscribeRequest(One, "ops.#"));
        var other = await _silo.Bus.Subscribe(new SubscribeRequest(One, "ops.*"));

        Assert.Equal(first.SubscriptionId, again.SubscriptionId);
        Assert.Equal(first.CreatedAt, again.CreatedAt);
        Assert.NotEqual(first.SubscriptionId, other.SubscriptionId);
        Assert.Equal(2, (await _silo.Bus.GetSubscriptions(One)).Count);
        Assert.Empty(await _silo.Bus.GetSubscriptions(Two));

        Assert.True(await _silo.Bus.Unsubscribe(first.SubscriptionId));
        Assert.False(await _silo.Bus.Unsubscribe(first.SubscriptionId));
        Assert.Equal(["ops.*"], (await _silo.Bus.GetSubscriptions(One)).Select(s => s.Pattern));
    }

    [Fact]
    public async Task Subscribing_a_domain_that_is_neither_hosted_nor_registered_is_not_found()
    {
        var error = await Assert.ThrowsAsync<KeyNotFoundException>(() => _silo.Bus.Subscribe(new SubscribeRequest("ev_nobody", "ml.*")));

        Assert.Contains("ev_nobody", error.Message);
        Assert.Empty(await _silo.Bus.GetSubscriptions());
    }

    [Fact]
    public async Task A_registered_endpoint_receives_its_events_over_http()
    {
        await using var endpoint = EventEndpoint.Start();
        await _silo.Registry.Register(new DomainRegistration("ev_http", null, endpoint.BaseAddress, ["listen"]));
        await _silo.Bus.Subscribe(new SubscribeRequest("ev_http", "ml.*"));

        var published = await _silo.Bus.Publish(new PublishRequest("ml.prediction", "ai_domain", Json("""{"prediction": "positive"}""")));

        try
        {
            await Eventually.True(async () => !endpoint.Requests.IsEmpty || await NoDeadLetterAsync(), "the endpoint got the event");
        }
        catch (TimeoutException)
        {
            var s = (await _silo.Bus.GetSubscriptions()).Single();
            var st = await _silo.Streams.GetStatsAsync();
            throw new InvalidOperationException($"{s.CreatedAt:O} vs {published.Timestamp:O} / {string.Join(", ", st.Subscriptions)} delivered {st.DeliveredBySilo} failed {st.FailedAttempts}");
        }
        var (path, body) = Assert.Single(endpoint.Requests);
        Assert.Equal("POST /events", path);
        Assert.Equal(published.EventId, body.GetProperty("event_id").GetString());
        Assert.Equal("ml.prediction", body.GetProperty("event_type").GetString());
        Assert.Equal("ai_domain", body.GetProperty("source_domain").GetString());
        Assert.Equal("positive", body.GetProperty("data").GetProperty("prediction").GetString());
        Assert.Equal(published.Position, body.GetProperty("position").GetInt64());
    }

    [Fact]
    public async Task An_endpoint_answering_500_is_retried_then_the_event_is_dead_lettered_and_delivery_goes_on()
    {
        await using var endpoint = EventEndpoint.Start();
        endpoint.Status = 500;
        await _silo.Registry.Register(new DomainRegistration("ev_failing", null, endpoint.BaseAddress, ["listen"]));
        var subscription = await _silo.Bus.Subscribe(new SubscribeRequest("ev_failing", "alerts.*"));

        var failed = await _silo.Bus.Publish(new PublishRequest("alerts.disk", "ops", Json("""{"n": 1}""")));

        var letter = await WaitForDeadLetterAsync(subscription.SubscriptionId);
        Assert.Equal(failed.EventId, letter.Event.EventId);
        Assert.Equal(EventsSilo.MaxAttempts, letter.Attempts);
        Assert.Contains("500", letter.Error);
        Assert.Equal(EventsSilo.MaxAttempts, endpoint.Requests.Count);
        await Eventually.True(async () => (await _silo.Bus.GetSubscriptions("ev_failing")).Single().DeadLetters == 1, "the subscription counts the dead letter");

        endpoint.Status = 200;
        var next = await _silo.Bus.Publish(new PublishRequest("alerts.disk", "ops", Json("""{"n": 2}""")));
        await Eventually.True(() => endpoint.Requests.Any(r => r.Body.GetProperty("event_id").GetString() == next.EventId), "the next event is delivered");
        await Eventually.True(async () => (await _silo.Bus.GetSubscriptions("ev_failing")).Single() is { Delivered: 1, DeadLetters: 1, Pending: 0 },
            "one delivered, one parked, none pending");
        Assert.Equal(1, (await _silo.Bus.GetStats()).DeadLetters);
    }

    [Fact]
    public async Task Events_for_a_domain_that_unregistered_are_dead_lettered()
    {
        await using var endpoint = EventEndpoint.Start();
        await _silo.Registry.Register(new DomainRegistration("ev_gone", null, endpoint.BaseAddress, ["listen"]));
        var subscription = await _silo.Bus.Subscribe(new SubscribeRequest("ev_gone", "jobs.*"));
        await _silo.Grains.GetGrain<IDomainGrain>("ev_gone").Unregister();

        await _silo.Bus.Publish(new PublishRequest("jobs.done", "ops"));

        var letter = await WaitForDeadLetterAsync(subscription.SubscriptionId);
        Assert.Equal("jobs.done", letter.Event.Stream.GetKeyAsString());
        Assert.Contains("ev_gone", letter.Error);
        Assert.Empty(endpoint.Requests);
    }

    /// <summary>False while nothing is parked; fails the test with the error of a parked event.</summary>
    private async Task<bool> NoDeadLetterAsync() =>
        (await _silo.Streams.GetDeadLettersAsync()).FirstOrDefault() is { } d ? throw new InvalidOperationException("parked: " + d.Error) : false;

    private async Task<StreamDeadLetter> WaitForDeadLetterAsync(string subscriptionId)
    {
        StreamDeadLetter? letter = null;
        await Eventually.True(async () => (letter = (await _silo.Streams.GetDeadLettersAsync(subscriptionId)).FirstOrDefault()) is not null,
            "the event is parked as a dead letter");
        return letter!;
    }
}
