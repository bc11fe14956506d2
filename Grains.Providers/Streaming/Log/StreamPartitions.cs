namespace Rayswarm.Grains.Providers;

/// <summary>
/// Streams are stored and delivered in <see cref="Count"/> partitions by the stream id's stable hash: the log writes each
/// event's partition, and partition <c>p</c> is the Orleans queue <c>p</c> of the event log stream provider (one pulling
/// agent each, spread over the silos by Orleans' queue balancer). Never change the count of a log that holds events.
/// </summary>
public static class StreamPartitions
{
    /// <summary>The number of partitions.</summary>
    public const int Count = 64;

    /// <summary>The partition of a stream (the same in every process).</summary>
    public static int Of(StreamId stream) => (int)((uint)stream.GetHashCode() % Count);
}
