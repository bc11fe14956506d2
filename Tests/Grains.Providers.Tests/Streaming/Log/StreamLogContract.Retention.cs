namespace Rayswarm.Grains.Providers.Tests.Streaming;

public abstract partial class StreamLogContract
{
    [Fact]
    public async Task Trim_by_age_deletes_only_events_published_before_the_time()
    {
        var log = await OpenAsync();
        var old = await AppendAsync(log, Event(StreamId.Create("events", "a")), Event(StreamId.Create("events", "b")));
        await WaitPastAsync(old[^1].Event.PublishedAt);
        var recent = await AppendAsync(log, Event(StreamId.Create("events", "a")));

        Assert.Equal(2, await log.TrimAsync(recent[0].Event.PublishedAt, null, None));

        Assert.Equal(recent, await log.ReadHistoryAsync("events", null, 0, null, 100, None), StoredComparer.Instance);
        Assert.Equal(0, await log.TrimAsync(recent[0].Event.PublishedAt, null, None));
    }

    [Fact]
    public async Task Trim_keeps_the_newest_events_of_each_stream_and_sequences_continue()
    {
        var log = await OpenAsync();
        var a = StreamId.Create("events", "a");
        var b = StreamId.Create("events", "b");
        var stored = new List<StoredStreamEvent>();
        for (var i = 0; i < 5; i++) { stored.AddRange(await AppendAsync(log, Event(a), Event(a), Event(b))); }

        Assert.Equal(10 - 3 + 5 - 3, await log.TrimAsync(null, 3, None));

        Assert.Equal([8L, 9, 10], (await log.ReadStreamAsync(a, 0, 100, None)).Select(e => e.Event.Sequence));
        Assert.Equal([3L, 4, 5], (await log.ReadStreamAsync(b, 0, 100, None)).Select(e => e.Event.Sequence));

        Assert.Equal(15, await log.TrimAsync(null, 0, None) + 9);
        Assert.Empty(await log.ReadHistoryAsync("events", null, 0, null, 100, None));
        var next = await AppendAsync(log, Event(a), Event(b));
        Assert.Equal([11L, 6], next.Select(e => e.Event.Sequence));
        Assert.True(next[0].Position > stored[^1].Position, "positions are not reused after trimming");
    }

    [Fact]
    public async Task The_log_survives_a_restart()
    {
        var log = await OpenAsync();
        var stream = StreamId.Create("events", "orders");
        var stored = await AppendAsync(log, Event(stream), Event(stream));
        await log.CommitCursorAsync("sub", stream, 1, None);
        await log.CommitCheckpointAsync(7, stored[0].Position, None);
        var subscription = await log.AddSubscriptionAsync(new StreamSubscription("sub", "events", "*", GrainId.Create("audit", "a"), Created), None);

        var restarted = await OpenAsync();

        Assert.Equal(stored, await restarted.ReadStreamAsync(stream, 0, 10, None), StoredComparer.Instance);
        Assert.Equal(1, await restarted.ReadCursorAsync("sub", stream, None));
        Assert.Equal(stored[0].Position, await restarted.ReadCheckpointAsync(7, None));
        Assert.Equal([subscription], await restarted.ReadSubscriptionsAsync(None));
        Assert.Equal(3, Assert.Single(await AppendAsync(restarted, Event(stream))).Event.Sequence);
    }

    [Fact]
    public async Task A_json_payload_round_trips()
    {
        var log = await OpenAsync();
        const string Data = """{"text":"héllo \"wörld\" ✓","n":12345678901234,"f":1.5,"list":[1,{"x":null},true],"nested":{"b":2,"a":1}}""";

        var stored = Assert.Single(await AppendAsync(log, Event(StreamId.Create("events", "json"), Data)));
        var read = Assert.Single(await log.ReadStreamAsync(StreamId.Create("events", "json"), 0, 10, None));

        AssertSameJson(Data, stored.Event.Data);
        AssertSameJson(Data, read.Event.Data);
        Assert.Equal("héllo \"wörld\" ✓", read.Event.As<JsonProbe>()!.Text);
    }

    private sealed record JsonProbe(string Text, long N);
}
