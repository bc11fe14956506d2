using Rayswarm.Runtime.Abstractions;

namespace Rayswarm.Runtime.Core;

// A lane: the events of one stream for one subscription, delivered one at a time in sequence order.
internal sealed partial class StreamDeliveryAgent
{
    private sealed class Lane(StreamRoute route, StreamId stream)
    {
        public StreamRoute Route { get; } = route;

        public StreamId Stream { get; } = stream;

        /// <summary>Read and not yet finished, in sequence order; the head is the one being delivered.</summary>
        public Queue<StoredStreamEvent> Queue { get; } = new();

        /// <summary>The highest sequence ever queued (a rescan skips what is at or below it).</summary>
        public long LastQueued { get; set; }

        /// <summary>The durable cursor as last read or committed; null until read.</summary>
        public long? Cursor { get; set; }

        public bool Running { get; set; }

        public bool Cancelled { get; set; }

        public Task Task { get; set; } = Task.CompletedTask;
    }

    private sealed partial class PartitionReader
    {
        private async Task RunLaneAsync(Lane lane)
        {
            var cancellation = _stop.Token;
            while (true)
            {
                StoredStreamEvent next;
                lock (_gate)
                {
                    if (lane.Cancelled)
                    {
                        while (lane.Queue.TryDequeue(out var dropped)) { Finish(dropped.Position); }
                    }
                    if (cancellation.IsCancellationRequested || !lane.Queue.TryPeek(out next!))
                    {
                        lane.Running = false;
                        return;
                    }
                }

                try
                {
                    lane.Cursor ??= await agent._log.ReadCursorAsync(lane.Route.Id, lane.Stream, cancellation).ConfigureAwait(false);
                    var staged = next.Event.Sequence > lane.Cursor && await DeliverAsync(lane, next, cancellation).ConfigureAwait(false);
                    lock (_gate)
                    {
                        lane.Queue.Dequeue();
                        if (!staged) { Finish(next.Position); } // a staged cursor finishes the event once it is durable
                    }
                }
                catch (OperationCanceledException) when (cancellation.IsCancellationRequested)
                {
                    lock (_gate) { lane.Running = false; }
                    return;
                }
                catch (Exception e)
                {
                    // The log failed (reading the cursor, committing, parking): try the event again, from the durable cursor.
                    agent._logger.StoreFailed(e, partition);
                    lane.Cursor = null;
                    try
                    {
                        await Task.Delay(agent._options.InitialRetryDelay, agent._time, cancellation).ConfigureAwait(false);
                    }
                    catch (OperationCanceledException)
                    {
                        lock (_gate) { lane.Running = false; }
                        return;
                    }
                }
            }
        }

        /// <summary>Delivers with retries; true when the cursor was staged for a batched commit (the flusher finishes the event).</summary>
        private async Task<bool> DeliverAsync(Lane lane, StoredStreamEvent stored, CancellationToken cancellation)
        {
            var delivery = new StreamDelivery(lane.Route.Id, lane.Route.SubscriberOf(lane.Stream), stored.Event);
            for (var attempt = 1; ; attempt++)
            {
                cancellation.ThrowIfCancellationRequested();
                if (lane.Cancelled) { return false; }
                try
                {
                    await agent._deliver(delivery, cancellation).ConfigureAwait(false);
                }
                catch (Exception error) when (!cancellation.IsCancellationRequested)
                {
                    Interlocked.Increment(ref agent._failedAttempts);
                    agent._logger.DeliveryFailed(error, lane.Stream, stored.Event.Sequence, lane.Route.Id, attempt);
                    if (attempt < agent._options.MaxAttempts)
                    {
                        await Task.Delay(agent.RetryDelay(attempt), agent._time, cancellation).ConfigureAwait(false);
                        continue;
                    }

                    var deadLetter = new DeadLetter(lane.Route.Id, stored.Event, $"{error.GetType().FullName}: {error.Message}", attempt, agent._time.GetUtcNow());
                    await agent._log.ParkAsync(deadLetter, CancellationToken.None).ConfigureAwait(false);
                    Interlocked.Increment(ref agent._parked);
                    agent._logger.Parked(error, lane.Stream, stored.Event.Sequence, lane.Route.Id, attempt);
                    await CommitCursorAsync(lane, stored).ConfigureAwait(false);
                    return false;
                }

                agent.CountDelivered(lane.Route.Id);
                lane.Cursor = stored.Event.Sequence;
                agent.StageCursor(new StreamCursor(lane.Route.Id, lane.Stream, stored.Event.Sequence), this, stored.Position);
                return true;
            }
        }

        // Not cancellable: the delivery (or parking) happened, so recording it only saves a duplicate.
        private async Task CommitCursorAsync(Lane lane, StoredStreamEvent stored)
        {
            await agent._log.CommitCursorAsync(lane.Route.Id, lane.Stream, stored.Event.Sequence, CancellationToken.None).ConfigureAwait(false);
            lane.Cursor = stored.Event.Sequence;
        }
    }
}
