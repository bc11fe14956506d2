namespace Rayswarm.Grains.Interfaces;

/// <summary>How many contributions have a confidence in [<paramref name="From"/>, <paramref name="To"/>) (the last bucket
/// includes 1).</summary>
/// <param name="From">The lowest confidence of the bucket.</param>
/// <param name="To">The confidence the bucket ends below (1 for the last, which includes it).</param>
/// <param name="Count">Contributions in the bucket.</param>
[GenerateSerializer, Immutable, Alias("rayswarm.ConfidenceBucket")]
public sealed record ConfidenceBucket(double From, double To, int Count);
