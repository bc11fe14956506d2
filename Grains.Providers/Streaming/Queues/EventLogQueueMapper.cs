using Orleans.Streams;

namespace Rayswarm.Grains.Providers;

/// <summary>
/// Queue <c>p</c> is log partition <c>p</c> (<see cref="StreamPartitions.Of"/>), so the queue Orleans files a stream under is
/// the partition every append (through <see cref="IEventStreams"/> or the stream adapter) wrote it to. Queues sit evenly
/// on the consistent ring, so Orleans' ring balancer spreads them over the silos.
/// </summary>
internal sealed class EventLogQueueMapper : IConsistentRingStreamQueueMapper
{
    private readonly QueueId[] _queues;

    public EventLogQueueMapper(string providerName)
    {
        var portion = (uint)((1UL << 32) / StreamPartitions.Count);
        _queues = [.. Enumerable.Range(0, StreamPartitions.Count).Select(p => QueueId.GetQueueId(providerName, (uint)p, portion * (uint)p))];
    }

    public IEnumerable<QueueId> GetAllQueues() => _queues;

    public QueueId GetQueueForStream(StreamId streamId) => _queues[StreamPartitions.Of(streamId)];

    public IEnumerable<QueueId> GetQueuesForRange(IRingRange range)
    {
        ArgumentNullException.ThrowIfNull(range);
        return [.. _queues.Where(q => range.InRange(q.GetUniformHashCode()))];
    }

    /// <summary>The log partition of a queue.</summary>
    public static int PartitionOf(QueueId queue) => checked((int)queue.GetNumericId());
}
