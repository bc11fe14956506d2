using Rayswarm.Runtime.Core;
using Rayswarm.Testing;

namespace Rayswarm.Runtime.Streams.Tests;

public sealed class PartitionOwnershipTests
{
    private static readonly CancellationToken None = CancellationToken.None;

    [Fact]
    public async Task A_restarted_agent_delivers_nothing_already_committed_and_everything_not_yet()
    {
        var log = new MemoryStreamLog();
        var stream = Streams.Stream("a");
        await log.PublishAsync(stream, 20);

        // The first agent finishes events 1-10, then hangs in event 11 until it is stopped.
        var first = new DeliveryRecorder
        {
            Handler = async (d, cancellation) =>
            {
                if (d.Event.Sequence > 10) { await Task.Delay(Timeout.Infinite, cancellation); }
            },
        };
        var agent = await Streams.StartAgentAsync(log, first);
        await Eventually.True(() => first.Attempts.Count == 11, "ten delivered, the eleventh started");
        await agent.DisposeAsync();
        Assert.Equal(Enumerable.Range(1, 10).Select(i => (long)i), first.SequencesOf(stream));

        await log.PublishAsync(stream, 5);
        var second = new DeliveryRecorder();
        await using var restarted = await Streams.StartAgentAsync(log, second);
        await Eventually.True(() => second.DeliveredCount == 15, "the rest delivered");
        Assert.Equal(Enumerable.Range(11, 15).Select(i => (long)i), second.SequencesOf(stream));
        Assert.Equal(0, await restarted.LagAsync(Streams.Consumer.Id, stream));
    }

    [Fact]
    public async Task Two_agents_with_disjoint_partitions_together_deliver_every_event_exactly_once()
    {
        var log = new MemoryStreamLog();
        var even = new DeliveryRecorder();
        var odd = new DeliveryRecorder();
        await using var a = await Streams.StartAgentAsync(log, even, partitions: [.. Streams.AllPartitions.Where(p => p % 2 == 0)]);
        await using var b = await Streams.StartAgentAsync(log, odd, partitions: [.. Streams.AllPartitions.Where(p => p % 2 == 1)]);

        var streams = Enumerable.Range(0, 100).Select(i => Streams.Stream($"s{i}")).ToList();
        foreach (var stream in streams) { await log.PublishAsync(stream, 5); }
        a.Notify();
        b.Notify();

        await Eventually.True(() => even.DeliveredCount + odd.DeliveredCount == 500, "every event delivered");
        var all = even.Delivered.Concat(odd.Delivered).Select(d => d.Event.EventId).ToList();
        Assert.Equal(500, all.Distinct().Count());
        Assert.All(even.Delivered, d => Assert.Equal(0, StreamPartitions.Of(d.Event.Stream) % 2));
        Assert.All(odd.Delivered, d => Assert.Equal(1, StreamPartitions.Of(d.Event.Stream) % 2));
        Assert.True(even.DeliveredCount > 0 && odd.DeliveredCount > 0);
    }

    [Fact]
    public async Task A_moved_partition_resumes_from_its_checkpoint_and_cursors_without_loss()
    {
        var log = new MemoryStreamLog();
        var streams = Streams.InPartition(5).Take(4).ToList();
        var gate = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        var before = new DeliveryRecorder
        {
            // Streams 0 and 1 finish; 2 and 3 hang on their first event until the partition is taken away.
            Handler = async (d, cancellation) =>
            {
                if (d.Event.Stream == streams[2] || d.Event.Stream == streams[3]) { await gate.Task.WaitAsync(cancellation); }
            },
        };
        var after = new DeliveryRecorder();
        await using var first = await Streams.StartAgentAsync(log, before, partitions: [5]);
        await using var second = await Streams.StartAgentAsync(log, after, partitions: []);

        foreach (var stream in streams.Take(2)) { await log.PublishAsync(stream, 10); }
        first.Notify();
        await Eventually.True(() => before.DeliveredCount == 20, "the first two streams delivered by the first owner");
        await Eventually.True(async () => await log.ReadCheckpointAsync(5, None) == 20, "checkpoint past the finished events");

        foreach (var stream in streams.Skip(2)) { await log.PublishAsync(stream, 10); }
        first.Notify();
        await Eventually.True(() => before.Attempts.Count == 22, "the last two streams hang in their first event");

        await first.SetPartitionsAsync([]);
        var deliveredByFirst = before.DeliveredCount;
        await second.SetPartitionsAsync([5]);
        await Eventually.True(() => after.DeliveredCount == 20, "the new owner delivers the unfinished streams");

        Assert.Equal(deliveredByFirst, before.DeliveredCount);
        Assert.All(after.Delivered, d => Assert.Contains(d.Event.Stream, streams.Skip(2)));
        foreach (var stream in streams.Skip(2)) { Assert.Equal(Enumerable.Range(1, 10).Select(i => (long)i), after.SequencesOf(stream)); }
        await Eventually.True(async () => await log.ReadCheckpointAsync(5, None) == 40, "checkpoint at the end of the partition");
    }

    [Fact]
    public async Task Backpressure_keeps_unfinished_events_within_MaxInFlightPerPartition()
    {
        var log = new MemoryStreamLog();
        var gate = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        var recorder = new DeliveryRecorder { Handler = (_, cancellation) => gate.Task.WaitAsync(cancellation) };
        var options = Streams.FastOptions();
        options.MaxInFlightPerPartition = 100;
        options.BatchSize = 32;
        var streams = Streams.InPartition(9).Take(5).ToList();
        await using var agent = await Streams.StartAgentAsync(log, recorder, options);

        for (var round = 0; round < 10; round++)
        {
            // Interleaved, so the first hundred read hold events of every stream.
            var batch = Enumerable.Range(0, 60).SelectMany(_ => streams).Select(s => new NewStreamEvent(s, Guid.NewGuid().ToString("N"), "{}")).ToList();
            await log.AppendAsync(batch, None);
            agent.Notify();
            Assert.True(agent.Stats.Unfinished <= 100, $"unfinished {agent.Stats.Unfinished}");
        }
        await Eventually.True(() => agent.Stats.Unfinished == 100, "the agent read up to the limit");
        await Eventually.True(() => recorder.Attempts.Count == 5, "one delivery per stream hangs");
        Assert.Equal(100, agent.Stats.PeakUnfinishedPerPartition);

        gate.SetResult();
        await Eventually.True(() => recorder.DeliveredCount == 3000, "all 3,000 delivered once subscribers catch up");
        Assert.Equal(100, agent.Stats.PeakUnfinishedPerPartition);
        foreach (var stream in streams) { Assert.Equal(Enumerable.Range(1, 600).Select(i => (long)i), recorder.SequencesOf(stream)); }
    }
}
