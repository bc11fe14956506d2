using Rayswarm.Runtime.Core;
using Rayswarm.Testing;

namespace Rayswarm.Runtime.Streams.Tests;

public sealed class DeliveryFailureTests
{
    [Fact]
    public async Task A_failing_event_is_retried_until_it_succeeds_while_its_stream_waits_and_others_go_on()
    {
        var log = new MemoryStreamLog();
        var recorder = new DeliveryRecorder();
        var slow = Streams.Stream("slow");
        var other = Streams.Stream("other");
        var otherDone = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        var failures = 0;
        recorder.Handler = async (d, _) =>
        {
            if (d.Event.Stream != slow || d.Event.Sequence != 1) { return; }
            if (Interlocked.Increment(ref failures) <= 2) { throw new InvalidOperationException("not yet"); }
            // Third attempt succeeds, but only after the other stream was fully delivered: it never waited for this one.
            await otherDone.Task;
        };
        await using var agent = await Streams.StartAgentAsync(log, recorder);

        await log.PublishAsync(slow, 3);
        await log.PublishAsync(other, 5);
        agent.Notify();

        await Eventually.True(() => recorder.SequencesOf(other).Count == 5, "the other stream delivered while slow#1 fails");
        Assert.Empty(recorder.SequencesOf(slow));
        otherDone.SetResult();

        await Eventually.True(() => recorder.SequencesOf(slow).Count == 3, "slow stream delivered after its retries");
        Assert.Equal([1L, 2L, 3L], recorder.SequencesOf(slow));
        Assert.Equal(3, recorder.Attempts.Count(a => a.Event.Stream == slow && a.Event.Sequence == 1));
        Assert.Equal(1, recorder.Attempts.Count(a => a.Event.Stream == slow && a.Event.Sequence == 2));
        Assert.Equal(2, agent.Stats.FailedAttempts);
        Assert.Equal(0, agent.Stats.Parked);
    }

    [Fact]
    public async Task An_event_failing_MaxAttempts_times_is_parked_with_its_error_and_delivery_goes_on()
    {
        var log = new MemoryStreamLog();
        var recorder = new DeliveryRecorder();
        var stream = Streams.Stream("a");
        recorder.Handler = (d, _) => d.Event.Sequence == 2 ? throw new InvalidOperationException("poison payload") : Task.CompletedTask;
        var options = Streams.FastOptions();
        options.MaxAttempts = 3;
        await using var agent = await Streams.StartAgentAsync(log, recorder, options);

        var stored = await log.PublishAsync(stream, 3);
        agent.Notify();

        await Eventually.True(() => recorder.SequencesOf(stream).Count == 2, "events 1 and 3 delivered");
        Assert.Equal([1L, 3L], recorder.SequencesOf(stream));
        Assert.Equal(3, recorder.Attempts.Count(a => a.Event.Sequence == 2));

        var parked = Assert.Single(await log.ReadDeadLettersAsync(Streams.Consumer.Id, 10, CancellationToken.None));
        Assert.Equal(stored[1].Event, parked.Event);
        Assert.Equal(3, parked.Attempts);
        Assert.Contains(nameof(InvalidOperationException), parked.Error, StringComparison.Ordinal);
        Assert.Contains("poison payload", parked.Error, StringComparison.Ordinal);
        await Eventually.True(async () => await log.ReadCursorAsync(Streams.Consumer.Id, stream, CancellationToken.None) == 3, "cursor past the parked event");
        Assert.Equal(1, agent.Stats.Parked);
        Assert.Equal(3, agent.Stats.FailedAttempts);
    }
}
