namespace Rayswarm.Grains.Providers.Tests.Streaming;

/// <summary>Batched cursor commits, stream heads and a subscription's cursors (what stats and the delivery agent read).</summary>
public abstract partial class StreamLogContract
{
    [Fact]
    public async Task A_batch_of_cursors_commits_each_forward_only_and_keeps_the_highest_per_stream()
    {
        var log = await OpenAsync();
        StreamId a = StreamId.Create("events", "a"), b = StreamId.Create("events", "b");
        await log.CommitCursorAsync("sub", a, 10, None);

        await log.CommitCursorsAsync([new StreamCursor("sub", a, 4), new StreamCursor("sub", b, 2), new StreamCursor("sub", b, 6), new StreamCursor("other", a, 1)], None);

        Assert.Equal(10, await log.ReadCursorAsync("sub", a, None));
        Assert.Equal(6, await log.ReadCursorAsync("sub", b, None));
        Assert.Equal(1, await log.ReadCursorAsync("other", a, None));
        Assert.Equal([("a", 10L), ("b", 6L)], (await log.ReadCursorsAsync("sub", None)).Select(c => (c.Stream.StreamKey(), c.Sequence)).Order());
        await log.CommitCursorsAsync([], None);
    }

    [Fact]
    public async Task Stream_heads_list_every_stream_of_a_namespace_with_its_last_sequence()
    {
        var log = await OpenAsync();
        var ns = "heads-" + Guid.NewGuid().ToString("N");
        await log.AppendAsync([Event(StreamId.Create(ns, "x")), Event(StreamId.Create(ns, "x")), Event(StreamId.Create(ns, "y")), Event(StreamId.Create("elsewhere-" + ns, "z"))], None);

        var heads = await log.ReadStreamHeadsAsync(ns, None);

        Assert.Equal([("x", 2L), ("y", 1L)], heads.Select(h => (h.Stream.StreamKey(), h.LastSequence)).Order());
        Assert.Contains((await log.ReadStreamHeadsAsync(null, None)), h => h.Stream.StreamNamespace() == "elsewhere-" + ns);
    }
}
