namespace Rayswarm.Grains.Interfaces;

/// <summary>How the contributions' confidences are spread (the body of <c>GET /domains/memory/confidence</c>).</summary>
/// <param name="Buckets"><see cref="BucketCount"/> buckets of width 0.1 from 0 to 1, in order.</param>
/// <param name="Total">Contributions counted (the sum of the buckets).</param>
[GenerateSerializer, Immutable, Alias("rayswarm.ConfidenceDistribution")]
public sealed record ConfidenceDistribution(IReadOnlyList<ConfidenceBucket> Buckets, int Total)
{
    /// <summary>How many buckets there are.</summary>
    public const int BucketCount = 10;

    /// <summary>The distribution of <paramref name="counts"/>, the number of contributions per bucket from the lowest.</summary>
    public static ConfidenceDistribution Of(IReadOnlyList<int> counts)
    {
        ArgumentNullException.ThrowIfNull(counts);
        if (counts.Count != BucketCount) { throw new ArgumentException($"Expected {BucketCount} bucket counts, got {counts.Count}.", nameof(counts)); }
        return new ConfidenceDistribution(
            [.. counts.Select((count, i) => new ConfidenceBucket(i / (double)BucketCount, (i + 1) / (double)BucketCount, count))],
            counts.Sum());
    }
}
