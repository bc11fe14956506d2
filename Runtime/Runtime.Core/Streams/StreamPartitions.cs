using Rayswarm.Runtime.Abstractions;

namespace Rayswarm.Runtime.Core;

/// <summary>Streams are delivered in <see cref="Count"/> partitions by stable hash; silos own partitions, not streams.</summary>
public static class StreamPartitions
{
    /// <summary>The number of partitions.</summary>
    public const int Count = 64;

    /// <summary>The partition of a stream.</summary>
    public static int Of(StreamId stream) => (int)(stream.StableHash() % Count);
}
