namespace Rayswarm.Grains.Providers.Tests.Streaming;

public abstract partial class StreamLogContract
{
    [Fact]
    public async Task ReadPartitions_returns_only_the_given_partitions_in_position_order_page_by_page()
    {
        var log = await OpenAsync();
        // Three streams in three different partitions.
        var streams = Enumerable.Range(0, 200).Select(i => StreamId.Create("events", "s" + i))
            .DistinctBy(StreamPartitions.Of).Take(3).ToArray();
        var stored = new List<StoredStreamEvent>();
        for (var round = 0; round < 4; round++)
        {
            stored.AddRange(await AppendAsync(log, [.. streams.Select(s => Event(s))]));
        }

        int[] wanted = [StreamPartitions.Of(streams[0]), StreamPartitions.Of(streams[2])];
        var expected = stored.Where(e => wanted.Contains(e.Partition)).ToArray();

        var pages = new List<IReadOnlyList<StoredStreamEvent>>();
        var after = 0L;
        while (true)
        {
            var page = await log.ReadPartitionsAsync(wanted, after, 3, None);
            if (page.Count == 0) { break; }
            Assert.True(page.Count <= 3);
            pages.Add(page);
            after = page[^1].Position;
        }

        Assert.Equal(expected, pages.SelectMany(p => p), StoredComparer.Instance);
        Assert.Equal([3, 3, 2], pages.Select(p => p.Count));
        Assert.Empty(await log.ReadPartitionsAsync([], 0, 10, None));
        Assert.Equal(expected.Skip(5), await log.ReadPartitionsAsync(wanted, expected[4].Position, 100, None), StoredComparer.Instance);
    }

    [Fact]
    public async Task ReadHistory_returns_one_namespace_in_position_order()
    {
        var log = await OpenAsync();
        var stored = await AppendAsync(log, Event(StreamId.Create("a", "x")), Event(StreamId.Create("b", "x")), Event(StreamId.Create("a", "y")), Event(StreamId.Create("a", "x")));

        var history = await log.ReadHistoryAsync("a", null, 0, null, 100, None);

        Assert.Equal([stored[0], stored[2], stored[3]], history, StoredComparer.Instance);
        Assert.Equal([stored[2]], await log.ReadHistoryAsync("a", null, stored[0].Position, null, 1, None), StoredComparer.Instance);
        Assert.Empty(await log.ReadHistoryAsync("c", null, 0, null, 100, None));
    }

    [Theory]
    [InlineData("ml.*", new[] { "ml.a", "ml.b" })]
    [InlineData("ml.#", new[] { "ml", "ml.a", "ml.b", "ml.a.b" })]
    [InlineData("*", new[] { "ml", "ml.a", "ml.b", "ml.a.b", "other.a" })]
    [InlineData("ml.a", new[] { "ml.a" })]
    [InlineData("ml.*.b", new[] { "ml.a.b" })]
    public async Task ReadHistory_filters_keys_by_pattern(string pattern, string[] expectedKeys)
    {
        var log = await OpenAsync();
        string[] keys = ["ml", "ml.a", "ml.b", "ml.a.b", "other.a"];
        var stored = new List<StoredStreamEvent>();
        for (var round = 0; round < 2; round++) { stored.AddRange(await AppendAsync(log, [.. keys.Select(k => Event(StreamId.Create("events", k)))])); }
        await AppendAsync(log, Event(StreamId.Create("elsewhere", "ml.a")));

        var history = await log.ReadHistoryAsync("events", new StreamPattern(pattern), 0, null, 100, None);

        Assert.Equal(stored.Where(e => expectedKeys.Contains(e.Event.Stream.StreamKey())), history, StoredComparer.Instance);
    }

    [Fact]
    public async Task ReadHistory_page_by_page_returns_every_match_exactly_once_in_order()
    {
        var log = await OpenAsync();
        // Few matches among many events: a page of matches spans many rows.
        var stored = new List<StoredStreamEvent>();
        for (var batch = 0; batch < 6; batch++)
        {
            stored.AddRange(await log.AppendAsync([.. Enumerable.Range(0, 250).Select(i => Event(StreamId.Create("events", i % 10 == 0 ? "ml.hit" : "noise." + (i % 7))))], None));
        }

        foreach (var pattern in (string?[])["ml.*", "ml.hit", "*", null])
        {
            var parsed = pattern is null ? null : new StreamPattern(pattern);
            var expected = stored.Where(e => parsed?.Matches(e.Event.Stream.StreamKey()) ?? true).ToArray();
            var read = new List<StoredStreamEvent>();
            var after = 0L;
            while (true)
            {
                var page = await log.ReadHistoryAsync("events", parsed, after, null, 7, None);
                Assert.True(page.Count <= 7);
                if (page.Count == 0) { break; }
                read.AddRange(page);
                after = page[^1].Position;
            }

            Assert.Equal(expected, read, StoredComparer.Instance);
        }
    }

    [Fact]
    public async Task ReadHistory_since_returns_events_published_at_or_after_the_time()
    {
        var log = await OpenAsync();
        var old = await AppendAsync(log, Event(StreamId.Create("events", "ml.a")), Event(StreamId.Create("events", "x")));
        await WaitPastAsync(old[^1].Event.PublishedAt);
        var recent = await AppendAsync(log, Event(StreamId.Create("events", "ml.a")), Event(StreamId.Create("events", "x")));
        var since = recent[0].Event.PublishedAt;
        Assert.True(old[^1].Event.PublishedAt < since);

        Assert.Equal(recent, await log.ReadHistoryAsync("events", null, 0, since, 100, None), StoredComparer.Instance);
        Assert.Equal([recent[0]], await log.ReadHistoryAsync("events", new StreamPattern("ml.*"), 0, since, 100, None), StoredComparer.Instance);
        Assert.Equal([recent[1]], await log.ReadHistoryAsync("events", new StreamPattern("x"), 0, since, 100, None), StoredComparer.Instance);
        Assert.Equal([.. old, .. recent], await log.ReadHistoryAsync("events", null, 0, old[0].Event.PublishedAt, 100, None), StoredComparer.Instance);
    }

    [Fact]
    public async Task ReadStream_returns_the_events_after_a_sequence_up_to_the_limit()
    {
        var log = await OpenAsync();
        var stream = StreamId.Create("events", "orders");
        var stored = new List<StoredStreamEvent>();
        for (var i = 0; i < 5; i++) { stored.AddRange(await AppendAsync(log, Event(stream), Event(StreamId.Create("events", "noise")))); }
        var mine = stored.Where(e => e.Event.Stream == stream).ToArray();

        Assert.Equal(mine, await log.ReadStreamAsync(stream, 0, 100, None), StoredComparer.Instance);
        Assert.Equal(mine[2..4], await log.ReadStreamAsync(stream, 2, 2, None), StoredComparer.Instance);
        Assert.Empty(await log.ReadStreamAsync(stream, 5, 100, None));
        Assert.Empty(await log.ReadStreamAsync(StreamId.Create("events", "never"), 0, 100, None));
        Assert.Equal(5, await log.LastSequenceAsync(stream, None));
    }
}
