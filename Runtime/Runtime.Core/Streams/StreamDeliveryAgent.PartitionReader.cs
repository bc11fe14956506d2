using Rayswarm.Runtime.Abstractions;

namespace Rayswarm.Runtime.Core;

// One owned partition: reads its events in position order and hands each to the lanes of its matching subscriptions.
internal sealed partial class StreamDeliveryAgent
{
    private sealed partial class PartitionReader(StreamDeliveryAgent agent, int partition, IReadOnlyList<StreamRoute> routes)
    {
        private readonly Lock _gate = new();
        private readonly CancellationTokenSource _stop = new();
        private readonly WakeSignal _wake = new();
        private readonly Dictionary<(string Subscription, StreamId Stream), Lane> _lanes = [];

        // Events read but unfinished: position → how many lanes still have it. Its smallest key bounds the checkpoint.
        private readonly SortedDictionary<long, int> _pending = [];
        private readonly List<Task> _retiredLanes = [];
        private IReadOnlyList<StreamRoute> _routes = routes;
        private long _readPosition;
        private long _committedCheckpoint;
        private int _generation;
        private bool _loaded;
        private bool _starved;
        private Task _loop = Task.CompletedTask;

        public int Partition => partition;

        public long ReadPosition { get { lock (_gate) { return _readPosition; } } }

        public int Unfinished { get { lock (_gate) { return _pending.Count; } } }

        public void Start() => _loop = Task.Run(RunAsync);

        public void Wake() => _wake.Set();

        /// <summary>Swaps the subscriptions; stops the lanes of removed ones and re-reads from <paramref name="rescanFrom"/>
        /// (events already queued or finished for a lane are skipped by sequence).</summary>
        public void UseRoutes(IReadOnlyList<StreamRoute> routes, IReadOnlySet<string> removed, long? rescanFrom)
        {
            lock (_gate)
            {
                _routes = routes;
                _generation++;
                if (_loaded && rescanFrom is { } from && from < _readPosition)
                {
                    _readPosition = Math.Max(0, from);
                    // The durable checkpoint may already be past events the new subscription never got: move it back too,
                    // so that a new owner (after a crash) also reads them.
                    if (_readPosition < _committedCheckpoint) { _lowerCheckpointTo = _readPosition; }
                }
                foreach (var (key, lane) in _lanes.Where(l => removed.Contains(l.Key.Subscription)).ToList())
                {
                    _lanes.Remove(key);
                    lane.Cancelled = true;
                    if (lane.Running) { _retiredLanes.Add(lane.Task); }
                }
            }
            _wake.Set();
        }

        /// <summary>Stops reading and delivering, waits for running deliveries, and commits the checkpoint reached.</summary>
        public async Task StopAsync()
        {
            await _stop.CancelAsync().ConfigureAwait(false);
            await _loop.ConfigureAwait(false);
            Task[] lanes;
            lock (_gate) { lanes = [.. _lanes.Values.Select(l => l.Task), .. _retiredLanes]; }
            await Task.WhenAll(lanes).ConfigureAwait(false);
            try
            {
                await agent.FlushCursorsAsync().ConfigureAwait(false);
                await CommitCheckpointAsync(CancellationToken.None).ConfigureAwait(false);
            }
            catch (Exception e)
            {
                agent._logger.StoreFailed(e, partition);
            }
            _stop.Dispose();
        }

        private async Task RunAsync()
        {
            var cancellation = _stop.Token;
            while (!cancellation.IsCancellationRequested)
            {
                try
                {
                    if (!_loaded)
                    {
                        var checkpoint = await agent._log.ReadCheckpointAsync(partition, cancellation).ConfigureAwait(false);
                        // A previous owner may have finished events before it knew of a recent subscription: start early enough.
                        var recent = await agent.RecentSubscriptionsStartAsync(cancellation).ConfigureAwait(false);
                        lock (_gate)
                        {
                            _readPosition = Math.Min(checkpoint, recent);
                            _committedCheckpoint = checkpoint;
                            _loaded = true;
                        }
                    }

                    var more = await ReadOnceAsync(cancellation).ConfigureAwait(false);
                    await CommitCheckpointAsync(cancellation).ConfigureAwait(false);
                    if (!more) { await _wake.WaitAsync(agent._options.PollPeriod, agent._time, cancellation).ConfigureAwait(false); }
                }
                catch (OperationCanceledException) when (cancellation.IsCancellationRequested)
                {
                    return;
                }
                catch (Exception e)
                {
                    agent._logger.StoreFailed(e, partition);
                    try
                    {
                        await Task.Delay(agent._options.InitialRetryDelay, agent._time, cancellation).ConfigureAwait(false);
                    }
                    catch (OperationCanceledException)
                    {
                        return;
                    }
                }
            }
        }

        /// <summary>Reads one batch (as much as backpressure allows) and dispatches it; true if there may be more to read now.</summary>
        private async Task<bool> ReadOnceAsync(CancellationToken cancellation)
        {
            int generation, limit;
            long from;
            IReadOnlyList<StreamRoute> routes;
            lock (_gate)
            {
                generation = _generation;
                from = _readPosition;
                routes = _routes;
                limit = Math.Min(agent._options.BatchSize, agent._options.MaxInFlightPerPartition - _pending.Count);
                if (limit <= 0)
                {
                    _starved = true;
                    return false;
                }
            }

            if (routes.Count == 0)
            {
                // No subscription to serve: move past the partition's events without reading them. A subscription added
                // later rewinds the reader to its first event (UseRoutes), exactly as if they had been read and skipped.
                var head = await agent._log.LastPositionAsync(partition, cancellation).ConfigureAwait(false);
                lock (_gate)
                {
                    if (generation != _generation) { return true; }
                    _readPosition = Math.Max(_readPosition, head);
                    return false;
                }
            }

            var events = await agent._log.ReadPartitionsAsync([partition], from, limit, cancellation).ConfigureAwait(false);
            lock (_gate)
            {
                // The subscriptions changed or a rescan was asked for while reading: read again with the new ones.
                if (generation != _generation) { return true; }
                foreach (var e in events)
                {
                    Dispatch(e, routes);
                    _readPosition = Math.Max(_readPosition, e.Position);
                }
                agent.ObserveUnfinished(_pending.Count);
                return events.Count == limit;
            }
        }

        // Under _gate.
        private void Dispatch(StoredStreamEvent e, IReadOnlyList<StreamRoute> routes)
        {
            var lanes = 0;
            foreach (var route in routes)
            {
                if (!route.Matches(e.Event)) { continue; }
                var key = (route.Id, e.Event.Stream);
                if (!_lanes.TryGetValue(key, out var lane)) { _lanes[key] = lane = new Lane(route, e.Event.Stream); }
                if (e.Event.Sequence <= lane.LastQueued) { continue; }
                lane.LastQueued = e.Event.Sequence;
                lane.Queue.Enqueue(e);
                lanes++;
                if (!lane.Running)
                {
                    lane.Running = true;
                    lane.Task = Task.Run(() => RunLaneAsync(lane));
                }
            }
            if (lanes > 0) { _pending[e.Position] = _pending.GetValueOrDefault(e.Position) + lanes; }
        }

        /// <summary>A staged cursor became durable: its event is finished (ignored if the partition already let it go).</summary>
        public void FinishFlushed(long position)
        {
            lock (_gate)
            {
                if (_pending.ContainsKey(position)) { Finish(position); }
            }
        }

        // Under _gate: one lane is done with the event at this position.
        private void Finish(long position)
        {
            var left = _pending[position] - 1;
            if (left == 0) { _pending.Remove(position); } else { _pending[position] = left; }
            if (_starved && _pending.Count <= agent._options.MaxInFlightPerPartition / 2)
            {
                _starved = false;
                _wake.Set();
            }
        }

        private long? _lowerCheckpointTo;

        private async Task CommitCheckpointAsync(CancellationToken cancellation)
        {
            long? lower;
            lock (_gate)
            {
                lower = _lowerCheckpointTo;
                _lowerCheckpointTo = null;
            }
            if (lower is { } to)
            {
                await agent._log.LowerCheckpointAsync(partition, to, cancellation).ConfigureAwait(false);
                lock (_gate) { _committedCheckpoint = Math.Min(_committedCheckpoint, to); }
            }
            long watermark;
            lock (_gate)
            {
                if (!_loaded) { return; }
                watermark = _pending.Count == 0 ? _readPosition : Math.Min(_readPosition, _pending.Keys.First() - 1);
                if (watermark <= _committedCheckpoint) { return; }
            }
            await agent._log.CommitCheckpointAsync(partition, watermark, cancellation).ConfigureAwait(false);
            lock (_gate) { _committedCheckpoint = Math.Max(_committedCheckpoint, watermark); }
        }
    }
}
