namespace Rayswarm.Grains.Providers.Tests.Streaming;

public abstract partial class StreamLogContract
{
    private static readonly StreamId Orders = StreamId.Create("events", "orders");
    private static readonly StreamId Payments = StreamId.Create("events", "payments");

    [Fact]
    public async Task Sequences_start_at_1_per_stream_and_are_independent_across_streams()
    {
        var log = await OpenAsync();

        var first = await AppendAsync(log, Event(Orders), Event(Payments), Event(Orders));
        var second = await AppendAsync(log, Event(Orders), Event(Payments));

        Assert.Equal([1L, 1, 2], first.Select(e => e.Event.Sequence));
        Assert.Equal([3L, 2], second.Select(e => e.Event.Sequence));
        Assert.Equal(3, await log.LastSequenceAsync(Orders, None));
        Assert.Equal(2, await log.LastSequenceAsync(Payments, None));
        Assert.Equal(0, await log.LastSequenceAsync(StreamId.Create("events", "never"), None));
    }

    [Fact]
    public async Task Positions_strictly_increase_in_append_order()
    {
        var log = await OpenAsync();

        var appended = new List<StoredStreamEvent>();
        for (var batch = 0; batch < 5; batch++)
        {
            appended.AddRange(await AppendAsync(log, Event(Orders), Event(Payments), Event(StreamId.Create("other", "x"))));
        }

        var positions = Positions(appended).ToArray();
        Assert.All(positions.Zip(positions.Skip(1)), pair => Assert.True(pair.First < pair.Second, $"{pair.First} < {pair.Second}"));
        Assert.True(positions[0] > 0);
    }

    [Fact]
    public async Task A_batch_returns_the_stored_events_in_input_order()
    {
        var log = await OpenAsync();
        var before = Milliseconds(DateTimeOffset.UtcNow);
        var events = Enumerable.Range(0, 20).Select(i => Event(StreamId.Create("events", "k" + (i % 3)))).ToArray();

        var stored = await log.AppendAsync(events, None);

        var after = DateTimeOffset.UtcNow;
        Assert.Equal(Ids(events), Ids(stored));
        for (var i = 0; i < events.Length; i++)
        {
            Assert.Equal(events[i].Stream, stored[i].Event.Stream);
            Assert.Equal(StreamPartitions.Of(events[i].Stream), stored[i].Partition);
            Assert.Equal(i / 3 + 1, stored[i].Event.Sequence);
            AssertSameJson(events[i].Data, stored[i].Event.Data);
            Assert.InRange(stored[i].Event.PublishedAt, before, after);
            Assert.Equal(0, stored[i].Event.PublishedAt.UtcTicks % TimeSpan.TicksPerMillisecond);
        }

        Assert.Equal(stored.Where(e => e.Event.Stream == events[0].Stream), await log.ReadStreamAsync(events[0].Stream, 0, 100, None), StoredComparer.Instance);
    }

    [Fact]
    public async Task An_empty_batch_appends_nothing()
    {
        var log = await OpenAsync();

        Assert.Empty(await log.AppendAsync([], None));
        Assert.Empty(await log.ReadHistoryAsync("events", null, 0, null, 10, None));
    }

    [Fact]
    public async Task A_duplicate_event_id_returns_the_stored_event_and_appends_nothing()
    {
        var log = await OpenAsync();
        var original = Event(Orders);
        var stored = Assert.Single(await AppendAsync(log, original));

        var retried = await AppendAsync(log, Event(Orders), original with { Data = """{"other":true}""" }, Event(Orders));
        var repeatedInBatch = Event(Payments);
        var twice = await AppendAsync(log, repeatedInBatch, repeatedInBatch);

        Assert.Equal(stored, retried[1], StoredComparer.Instance);
        Assert.Equal([2L, 1, 3], retried.Select(e => e.Event.Sequence));
        Assert.Equal(twice[0], twice[1], StoredComparer.Instance);
        Assert.Equal(3, await log.LastSequenceAsync(Orders, None));
        Assert.Equal(1, await log.LastSequenceAsync(Payments, None));
        Assert.Equal(4, (await log.ReadHistoryAsync("events", null, 0, null, 100, None)).Count);
    }

    [Fact]
    public async Task A_large_batch_stores_every_event_with_its_own_position_sequence_and_payload()
    {
        var log = await OpenAsync();
        var events = Enumerable.Range(0, 150).Select(i => Event(StreamId.Create("events", "big" + (i % 4))) with { FreshId = i % 2 == 0 }).ToArray();

        var stored = await log.AppendAsync(events, None);

        Assert.Equal(Ids(events), Ids(stored));
        Assert.Equal(150, Positions(stored).Distinct().Count());
        Assert.All(Positions(stored).Zip(Positions(stored).Skip(1)), pair => Assert.True(pair.First < pair.Second));
        for (var i = 0; i < events.Length; i++) { Assert.Equal(i / 4 + 1, stored[i].Event.Sequence); }
        var history = await log.ReadHistoryAsync("events", null, 0, null, 1000, None);
        Assert.Equal(stored.Select(e => (e.Position, e.Event.EventId, e.Event.Data)), history.Select(e => (e.Position, e.Event.EventId, e.Event.Data)));
    }

    [Fact]
    public async Task The_last_position_of_a_partition_is_its_newest_event_and_0_when_it_has_none()
    {
        var log = await OpenAsync();
        var orders = StreamPartitions.Of(Orders);
        var empty = Enumerable.Range(0, StreamPartitions.Count).First(p => p != orders && p != StreamPartitions.Of(Payments));
        Assert.Equal(0, await log.LastPositionAsync(orders, None));

        var first = await AppendAsync(log, Event(Orders), Event(Payments));
        var second = await AppendAsync(log, Event(Orders));
        await AppendAsync(log, Event(Payments));

        Assert.Equal(second[0].Position, await log.LastPositionAsync(orders, None));
        Assert.True(second[0].Position > first[0].Position);
        Assert.Equal(0, await log.LastPositionAsync(empty, None));
    }

    [Fact]
    public async Task Freshly_minted_ids_mixed_with_chosen_ones_get_consecutive_sequences_and_one_copy_per_chosen_id()
    {
        var log = await OpenAsync();
        var chosen = Event(Orders);
        await AppendAsync(log, chosen);

        var batch = await AppendAsync(log,
            Event(Orders) with { FreshId = true }, chosen, Event(Orders) with { FreshId = true }, Event(Payments) with { FreshId = true }, chosen);

        Assert.Equal([2L, 1, 3, 1, 1], batch.Select(e => e.Event.Sequence));
        Assert.Equal(batch[1], batch[4], StoredComparer.Instance);
        Assert.Equal(3, await log.LastSequenceAsync(Orders, None));
        Assert.Equal(4, (await log.ReadHistoryAsync("events", null, 0, null, 100, None)).Count);
    }

    [Fact]
    public async Task Concurrent_appends_to_one_stream_from_two_instances_give_sequences_1_to_n_without_gaps()
    {
        var logs = new[] { await OpenAsync(), await OpenAsync() };
        const int Tasks = 8, Batches = 10, PerBatch = 5;

        var appended = await Task.WhenAll(Enumerable.Range(0, Tasks).Select(t => Task.Run(async () =>
        {
            var mine = new List<StoredStreamEvent>();
            for (var b = 0; b < Batches; b++)
            {
                mine.AddRange(await logs[t % 2].AppendAsync([.. Enumerable.Range(0, PerBatch).Select(_ => Event(Orders))], None));
            }

            return mine;
        }))).Within();

        const int Total = Tasks * Batches * PerBatch;
        var all = appended.SelectMany(e => e).ToArray();
        Assert.Equal(Enumerable.Range(1, Total).Select(i => (long)i), all.Select(e => e.Event.Sequence).Order());
        Assert.Equal(Total, all.Select(e => e.Position).Distinct().Count());
        var read = await logs[0].ReadStreamAsync(Orders, 0, Total + 10, None);
        Assert.Equal(Enumerable.Range(1, Total).Select(i => (long)i), read.Select(e => e.Event.Sequence));
        Assert.Equal(Positions(read).Order(), Positions(read));
        Assert.Equal(Total, await logs[1].LastSequenceAsync(Orders, None));
    }
}
