namespace Rayswarm.Grains.Providers.Tests.Streaming;

/// <summary>A receiver with nothing to read waits on the silo's partition heads: an append through this silo wakes it at once,
/// an append through another silo is seen at the next poll of the log, and an idle wait ends after its limit.</summary>
public sealed class PartitionHeadsTests
{
    private static readonly TimeSpan PollPeriod = TimeSpan.FromMilliseconds(100);
    private static readonly StreamId Stream = StreamId.Create("events", "orders");
    private static readonly int Partition = StreamPartitions.Of(Stream);

    private readonly FakeTimeProvider _time = new();
    private readonly MemoryStreamLog _log;
    private readonly PartitionHeads _heads;

    public PartitionHeadsTests()
    {
        _log = new MemoryStreamLog(_time);
        _heads = new PartitionHeads(_log, _time, PollPeriod);
    }

    [Fact]
    public async Task An_append_through_this_silo_wakes_the_waiting_receiver_without_a_poll()
    {
        var waiting = _heads.WaitForEventsAfterAsync(Partition, 0, TimeSpan.FromHours(1), CancellationToken.None);
        Assert.False(waiting.IsCompleted);

        _heads.Appended(await AppendAsync(Stream));

        Assert.True(await waiting.Within());
    }

    [Fact]
    public async Task An_append_to_another_partition_does_not_end_the_wait()
    {
        var other = Enumerable.Range(0, 1000).Select(i => StreamId.Create("events", $"s{i}")).First(s => StreamPartitions.Of(s) != Partition);
        var waiting = _heads.WaitForEventsAfterAsync(Partition, 0, TimeSpan.FromSeconds(1), CancellationToken.None);

        _heads.Appended(await AppendAsync(other));
        await Eventually.True(() =>
        {
            _time.Advance(PollPeriod / 4);
            return waiting.IsCompleted;
        }, "the wait to run out");

        Assert.False(await waiting, "only the waiting partition's own events end its wait with true");
    }

    [Fact]
    public async Task An_append_through_another_silo_is_seen_at_the_next_poll_of_the_log()
    {
        var waiting = _heads.WaitForEventsAfterAsync(Partition, 0, TimeSpan.FromHours(1), CancellationToken.None);
        await AppendAsync(Stream); // written by another silo: nobody tells these heads
        Assert.False(waiting.IsCompleted);

        await Eventually.True(() =>
        {
            _time.Advance(PollPeriod / 4);
            return waiting.IsCompleted;
        }, "the wait to see the other silo's append");

        Assert.True(await waiting);
    }

    [Fact]
    public async Task An_idle_wait_ends_with_false_after_its_limit_and_a_cancelled_one_at_once()
    {
        var idle = _heads.WaitForEventsAfterAsync(Partition, 0, TimeSpan.FromSeconds(1), CancellationToken.None);
        await Eventually.True(() =>
        {
            _time.Advance(PollPeriod);
            return idle.IsCompleted;
        }, "the idle wait to end");
        Assert.False(await idle);

        using var cancellation = new CancellationTokenSource();
        var cancelled = _heads.WaitForEventsAfterAsync(Partition, 0, TimeSpan.FromHours(1), cancellation.Token);
        await cancellation.CancelAsync();
        Assert.False(await cancelled.Within());
    }

    private Task<IReadOnlyList<StoredStreamEvent>> AppendAsync(StreamId stream) =>
        _log.AppendAsync([new NewStreamEvent(stream, Guid.NewGuid().ToString("N"), "{}", FreshId: true)], CancellationToken.None);
}
