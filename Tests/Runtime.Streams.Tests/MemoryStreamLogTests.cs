using Rayswarm.Runtime.Abstractions;
using Rayswarm.Runtime.Core;

namespace Rayswarm.Runtime.Streams.Tests;

public sealed class MemoryStreamLogTests
{
    private static readonly CancellationToken None = CancellationToken.None;
    private readonly ManualClock _clock = new();
    private readonly MemoryStreamLog _log;

    public MemoryStreamLogTests() => _log = new MemoryStreamLog(_clock);

    [Fact]
    public async Task Sequences_start_at_one_per_stream_and_positions_increase_across_streams()
    {
        var a = Streams.Stream("a");
        var b = Streams.Stream("b");
        var stored = await _log.AppendAsync([new(a, "1", "{}"), new(b, "2", "{}"), new(a, "3", "{}")], None);

        Assert.Equal([1L, 1L, 2L], stored.Select(s => s.Event.Sequence));
        Assert.Equal([1L, 2L, 3L], stored.Select(s => s.Position));
        Assert.Equal(StreamPartitions.Of(a), stored[0].Partition);
        Assert.Equal(_clock.GetUtcNow(), stored[0].Event.PublishedAt);
        Assert.Equal(2, await _log.LastSequenceAsync(a, None));
        Assert.Equal(0, await _log.LastSequenceAsync(Streams.Stream("none"), None));
    }

    [Fact]
    public async Task Appending_an_event_id_again_returns_the_stored_event()
    {
        var a = Streams.Stream("a");
        var first = await _log.AppendAsync([new(a, "x", "{\"v\":1}")], None);
        var again = await _log.AppendAsync([new(a, "y", "{}"), new(a, "x", "{\"v\":2}")], None);

        Assert.Equal(first[0], again[1]);
        Assert.Equal(2, again[0].Event.Sequence);
        Assert.Equal(2, (await _log.ReadStreamAsync(a, 0, 10, None)).Count);
    }

    [Fact]
    public async Task Trim_never_lets_a_sequence_be_reused()
    {
        var a = Streams.Stream("a");
        await _log.PublishAsync(a, 5);
        Assert.Equal(3, await _log.TrimAsync(null, 2, None));
        Assert.Equal([4L, 5L], (await _log.ReadStreamAsync(a, 0, 10, None)).Select(e => e.Event.Sequence));

        var next = await _log.PublishAsync(a, 1);
        Assert.Equal(6, next[0].Event.Sequence);
    }

    [Fact]
    public async Task Trim_by_age_deletes_only_older_events()
    {
        var a = Streams.Stream("a");
        await _log.PublishAsync(a, 2);
        _clock.Advance(TimeSpan.FromMinutes(1));
        var cut = _clock.GetUtcNow();
        await _log.PublishAsync(a, 1);

        Assert.Equal(2, await _log.TrimAsync(cut, null, None));
        Assert.Equal([3L], (await _log.ReadStreamAsync(a, 0, 10, None)).Select(e => e.Event.Sequence));
    }

    [Fact]
    public async Task Cursors_and_checkpoints_never_move_back()
    {
        var a = Streams.Stream("a");
        await _log.CommitCursorAsync("s", a, 5, None);
        await _log.CommitCursorAsync("s", a, 3, None);
        await _log.CommitCheckpointAsync(7, 10, None);
        await _log.CommitCheckpointAsync(7, 4, None);

        Assert.Equal(5, await _log.ReadCursorAsync("s", a, None));
        Assert.Equal(0, await _log.ReadCursorAsync("other", a, None));
        Assert.Equal(10, await _log.ReadCheckpointAsync(7, None));
        Assert.Equal(0, await _log.ReadCheckpointAsync(8, None));
    }

    [Fact]
    public async Task Partition_reads_filter_by_partition_and_position_and_respect_the_limit()
    {
        var p = Streams.InPartition(3).First();
        var q = Streams.InPartition(4).First();
        await _log.PublishAsync(p, 3);
        await _log.PublishAsync(q, 3);
        await _log.PublishAsync(p, 3);

        var read = await _log.ReadPartitionsAsync([3], 1, 4, None);
        Assert.Equal([2L, 3L, 7L, 8L], read.Select(e => e.Position));
        Assert.All(read, e => Assert.Equal(p, e.Event.Stream));
    }

    [Fact]
    public async Task History_filters_by_namespace_pattern_and_time()
    {
        await _log.PublishAsync(new StreamId("ml", "ml.a"), 1);
        await _log.PublishAsync(new StreamId("ml", "other"), 1);
        _clock.Advance(TimeSpan.FromSeconds(1));
        var since = _clock.GetUtcNow();
        await _log.PublishAsync(new StreamId("ml", "ml.b"), 1);
        await _log.PublishAsync(new StreamId("other", "ml.c"), 1);

        var all = await _log.ReadHistoryAsync("ml", new StreamPattern("ml.*"), 0, null, 10, None);
        Assert.Equal(["ml.a", "ml.b"], all.Select(e => e.Event.Stream.Key));
        var recent = await _log.ReadHistoryAsync("ml", null, 0, since, 10, None);
        Assert.Equal(["ml.b"], recent.Select(e => e.Event.Stream.Key));
    }

    [Fact]
    public async Task Adding_the_same_subscription_returns_the_existing_one_and_removing_drops_its_cursors()
    {
        var subscriber = new GrainId("Consumer", "1");
        var first = await _log.AddSubscriptionAsync(new("s1", "ml", "ml.*", subscriber, _clock.GetUtcNow()), None);
        var again = await _log.AddSubscriptionAsync(new("s2", "ml", "ml.*", subscriber, _clock.GetUtcNow()), None);
        Assert.Equal(first, again);
        await Assert.ThrowsAsync<FormatException>(() => _log.AddSubscriptionAsync(new("s3", "ml", "ml.x*", subscriber, _clock.GetUtcNow()), None));

        await _log.CommitCursorAsync("s1", Streams.Stream("a"), 4, None);
        Assert.True(await _log.RemoveSubscriptionAsync("s1", None));
        Assert.False(await _log.RemoveSubscriptionAsync("s1", None));
        Assert.Empty(await _log.ReadSubscriptionsAsync(None));
        Assert.Equal(0, await _log.ReadCursorAsync("s1", Streams.Stream("a"), None));
    }

    [Fact]
    public async Task Dead_letters_come_newest_first_per_subscription()
    {
        var e = new StreamEvent(Streams.Stream("a"), 1, "e", _clock.GetUtcNow(), "{}");
        await _log.ParkAsync(new DeadLetter("s", e, "first", 5, _clock.GetUtcNow()), None);
        await _log.ParkAsync(new DeadLetter("t", e, "other", 5, _clock.GetUtcNow()), None);
        await _log.ParkAsync(new DeadLetter("s", e, "second", 5, _clock.GetUtcNow()), None);

        Assert.Equal(["second", "first"], (await _log.ReadDeadLettersAsync("s", 10, None)).Select(d => d.Error));
        Assert.Equal(["second"], (await _log.ReadDeadLettersAsync(null, 1, None)).Select(d => d.Error));
    }
}
