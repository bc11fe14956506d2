using Microsoft.Extensions.DependencyInjection;
using Rayswarm.Runtime.Abstractions;
using Rayswarm.Runtime.Core;
using Rayswarm.Runtime.Sqlite;

namespace Rayswarm.Runtime.Tests;

/// <summary>Streams in a real silo: the event bus's wildcard subscriptions, ordering, retries, dead letters, history, implicit subscriptions.</summary>
public sealed class StreamTests : IAsyncLifetime, IDisposable
{
    private readonly string _directory = Directory.CreateTempSubdirectory("rayswarm-streams-").FullName;
    private TestSilo _silo = null!;

    public async Task InitializeAsync() => _silo = await StartAsync();

    public async Task DisposeAsync() => await _silo.DisposeAsync();

    public void Dispose() => Directory.Delete(_directory, recursive: true);

    private Task<TestSilo> StartAsync() => TestSilo.StartAsync(silo => silo
        .AddStreams(o =>
        {
            o.InitialRetryDelay = TimeSpan.FromMilliseconds(10);
            o.MaxRetryDelay = TimeSpan.FromMilliseconds(50);
            o.MaxAttempts = 3;
        })
        .UseSqliteStreamLog(o => o.DatabasePath = Path.Combine(_directory, "streams.db")));

    private IStreamProvider Streams => _silo.Host.Services.GetRequiredService<IStreamProvider>();

    private static string Key() => Guid.NewGuid().ToString("N");

    [Fact]
    public async Task A_wildcard_subscriber_receives_matching_events_in_order_and_no_others()
    {
        var ns = Key();
        var ml = _silo.Grains.GetGrain<IRecorderGrain>(Key());
        var all = _silo.Grains.GetGrain<IRecorderGrain>(Key());
        await ml.Subscribe(ns, "ml.*");
        await all.Subscribe(ns, "*");

        for (var i = 1; i <= 20; i++) { await Streams.PublishAsync(new StreamId(ns, i % 2 == 0 ? "ml.prediction" : "user.login"), new { n = i }); }
        await Streams.PublishAsync(new StreamId(ns, "ml.a.b"), new { n = 21 });

        await Eventually.True(() => RecorderGrain.Of(all.GetPrimaryKeyString()).Length == 21, "all 21 events to '*'");
        await Eventually.True(() => RecorderGrain.Of(ml.GetPrimaryKeyString()).Length == 10, "10 events to 'ml.*'");
        var mlEvents = RecorderGrain.Of(ml.GetPrimaryKeyString());
        Assert.All(mlEvents, e => Assert.Equal("ml.prediction", e.Stream.Key));
        Assert.Equal(Enumerable.Range(1, 10).Select(i => (long)i), mlEvents.Select(e => e.Sequence));
        Assert.Equal(Enumerable.Range(1, 10).Select(i => i * 2), mlEvents.Select(e => e.As<Payload>()!.N));
    }

    [Fact]
    public async Task A_failing_handler_gets_the_event_again_and_later_events_wait_for_it()
    {
        var ns = Key();
        var grain = _silo.Grains.GetGrain<IRecorderGrain>(Key());
        RecorderGrain.FailNext[grain.GetPrimaryKeyString()] = 2;
        await grain.Subscribe(ns, "#");

        for (var i = 1; i <= 5; i++) { await Streams.PublishAsync(new StreamId(ns, "s"), new { n = i }); }

        await Eventually.True(() => RecorderGrain.Of(grain.GetPrimaryKeyString()).Length == 5, "all five after two failures");
        Assert.Equal([1L, 2, 3, 4, 5], RecorderGrain.Of(grain.GetPrimaryKeyString()).Select(e => e.Sequence));
        Assert.Empty(await Streams.GetDeadLettersAsync());
    }

    [Fact]
    public async Task An_event_that_keeps_failing_is_parked_with_its_error_and_delivery_goes_on()
    {
        var ns = Key();
        var grain = _silo.Grains.GetGrain<IRecorderGrain>(Key());
        RecorderGrain.FailNext[grain.GetPrimaryKeyString()] = 3; // MaxAttempts
        await grain.Subscribe(ns, "s");
        var poison = await Streams.PublishAsync(new StreamId(ns, "s"), new { n = 1 });
        await Streams.PublishAsync(new StreamId(ns, "s"), new { n = 2 });

        await Eventually.True(() => RecorderGrain.Of(grain.GetPrimaryKeyString()).Length == 1, "the next event after the parked one");
        var parked = Assert.Single(await Streams.GetDeadLettersAsync());
        Assert.Equal(poison.EventId, parked.Event.EventId);
        Assert.Equal(3, parked.Attempts);
        Assert.Contains("handler failure", parked.Error);
        Assert.Equal(2, RecorderGrain.Of(grain.GetPrimaryKeyString())[0].Sequence);
    }

    [Fact]
    public async Task History_reads_a_pattern_in_pages_without_gaps_or_repeats()
    {
        var ns = Key();
        for (var i = 0; i < 25; i++) { await Streams.PublishAsync(new StreamId(ns, i % 3 == 0 ? "ml.x" : "other"), new { n = i }); }

        var seen = new List<StreamEvent>();
        long after = 0;
        StreamHistoryPage page;
        do
        {
            page = await Streams.ReadHistoryAsync(ns, "ml.*", after, limit: 4);
            seen.AddRange(page.Events);
            after = page.NextPosition;
        }
        while (page.HasMore);

        Assert.Equal(9, seen.Count);
        Assert.Equal(Enumerable.Range(1, 9).Select(i => (long)i), seen.Select(e => e.Sequence));

        var fromSequence = await Streams.ReadStreamAsync(new StreamId(ns, "ml.x"), afterSequence: 6, limit: 2);
        Assert.Equal([7L, 8], fromSequence.Select(e => e.Sequence));
        var byTime = await Streams.ReadHistoryAsync(ns, "ml.*", since: seen[^1].PublishedAt);
        Assert.Contains(byTime.Events, e => e.EventId == seen[^1].EventId);
        Assert.All(byTime.Events, e => Assert.True(e.PublishedAt >= seen[^1].PublishedAt));
    }

    [Fact]
    public async Task An_implicit_subscription_activates_the_grain_named_by_the_stream_key()
    {
        var order = Key();
        for (var i = 0; i < 3; i++) { await Streams.PublishAsync(new StreamId("orders", order), new { step = i }); }

        await Eventually.True(() => OrderAuditGrain.Seen.TryGetValue(order, out var q) && q.Count == 3, "the order's audit grain saw three events");
        Assert.Equal([1L, 2, 3], OrderAuditGrain.Seen[order]);
    }

    [Fact]
    public async Task Delivery_resumes_after_a_restart_without_losing_or_repeating_events()
    {
        var ns = Key();
        var key = Key();
        await _silo.Grains.GetGrain<IRecorderGrain>(key).Subscribe(ns, "s");
        for (var i = 0; i < 5; i++) { await Streams.PublishAsync(new StreamId(ns, "s"), new { n = i }); }
        await Eventually.True(() => RecorderGrain.Of(key).Length == 5, "first five");
        await _silo.DisposeAsync();

        _silo = await StartAsync();
        for (var i = 5; i < 8; i++) { await Streams.PublishAsync(new StreamId(ns, "s"), new { n = i }); }
        await Eventually.True(() => RecorderGrain.Of(key).Length >= 8, "three more after the restart");

        Assert.Equal(Enumerable.Range(1, 8).Select(i => (long)i), RecorderGrain.Of(key).Select(e => e.Sequence));
    }

    [Fact]
    public async Task Stats_count_publishes_per_stream_and_deliveries_and_lag_per_subscription()
    {
        var ns = Key();
        var fast = _silo.Grains.GetGrain<IRecorderGrain>(Key());
        var stuck = _silo.Grains.GetGrain<IRecorderGrain>(Key());
        await fast.Subscribe(ns, "ml.*");
        RecorderGrain.FailNext[stuck.GetPrimaryKeyString()] = int.MaxValue;
        await stuck.Subscribe(ns, "ml.b");
        for (var i = 0; i < 3; i++) { await Streams.PublishAsync(new StreamId(ns, "ml.a"), i); }
        for (var i = 0; i < 2; i++) { await Streams.PublishAsync(new StreamId(ns, "ml.b"), i); }
        await Eventually.True(() => RecorderGrain.Of(fast.GetPrimaryKeyString()).Length == 5, "the fast subscriber got everything");

        StreamStats stats = null!;
        await Eventually.True(() => (stats = Streams.GetStatsAsync(ns).Result).Subscriptions.Single(s => s.Subscriber == fast.GetGrainId()).Lag == 0, "cursors durable");
        Assert.Equal([("ml.a", 3L), ("ml.b", 2L)], stats.Streams.Select(s => (s.Stream.Key, s.Published)).Order());
        var stuckStats = stats.Subscriptions.Single(s => s.Subscriber == stuck.GetGrainId());
        Assert.Equal(2, stuckStats.Published);
        Assert.Equal(2, stuckStats.Finished + stuckStats.Lag);
        Assert.True(stats.PublishedBySilo >= 5);
        Assert.True(stats.FailedAttempts >= 1);
    }

    [Fact]
    public async Task Retention_keeps_the_newest_events_per_stream_and_sequences_go_on()
    {
        await using var silo = await TestSilo.StartAsync(s => s
            .AddStreams(o => o.RetentionMaxEventsPerStream = 3)
            .UseSqliteStreamLog(o => o.DatabasePath = Path.Combine(_directory, "retention.db")));
        var streams = silo.Host.Services.GetRequiredService<IStreamProvider>();
        var ns = Key();
        for (var i = 0; i < 10; i++) { await streams.PublishAsync(new StreamId(ns, "s"), i); }

        Assert.Equal(7, await silo.Host.Services.GetRequiredService<StreamsService>().ApplyRetentionAsync());
        var next = await streams.PublishAsync(new StreamId(ns, "s"), 10);
        var kept = (await streams.ReadHistoryAsync(ns)).Events;
        Assert.Equal([8L, 9, 10, 11], kept.Select(e => e.Sequence));
        Assert.Equal(11, next.Sequence);
    }

    [Fact]
    public async Task A_bad_pattern_is_refused_with_a_clear_error()
    {
        var error = await Assert.ThrowsAsync<FormatException>(() => Streams.SubscribeAsync("ns", "ml.*x", new GrainId("RecorderGrain", "k")));
        Assert.Contains("wildcard", error.Message);
    }

    private sealed record Payload(int N);
}
