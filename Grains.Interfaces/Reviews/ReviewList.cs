namespace Rayswarm.Grains.Interfaces;

/// <summary>Reviews, oldest first (the body of <c>GET /domains/reviews</c>).</summary>
/// <param name="Reviews">The reviews.</param>
/// <param name="Count">How many are listed.</param>
[GenerateSerializer, Immutable, Alias("rayswarm.ReviewList")]
public sealed record ReviewList(IReadOnlyList<ReviewInfo> Reviews, int Count);
