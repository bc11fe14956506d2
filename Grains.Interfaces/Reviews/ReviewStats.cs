namespace Rayswarm.Grains.Interfaces;

/// <summary>The expert feedback on a domain's contributions (the body of <c>GET /domains/reviews/stats</c>).</summary>
/// <param name="DomainId">The domain, or null for every domain.</param>
/// <param name="Pending">Reviews of contributions that wait for a decision.</param>
/// <param name="Accepted">Contributions the expert accepted.</param>
/// <param name="Corrected">Contributions the expert corrected.</param>
/// <param name="Rejected">Contributions the expert rejected.</param>
/// <param name="Decided">Accepted + corrected + rejected.</param>
/// <param name="AcceptedRate">Accepted / decided; 0 before any decision.</param>
/// <param name="CorrectedRate">Corrected / decided; 0 before any decision.</param>
/// <param name="RejectedRate">Rejected / decided; 0 before any decision.</param>
/// <param name="MeanSecondsToReview">The mean time from opening to decision, in seconds; null before any decision.</param>
/// <param name="MedianSecondsToReview">The median of that time; null before any decision.</param>
[GenerateSerializer, Immutable, Alias("rayswarm.ReviewStats")]
public sealed record ReviewStats(
    string? DomainId,
    int Pending,
    int Accepted,
    int Corrected,
    int Rejected,
    int Decided,
    double AcceptedRate,
    double CorrectedRate,
    double RejectedRate,
    double? MeanSecondsToReview,
    double? MedianSecondsToReview)
{
    /// <summary>The figures of <paramref name="reviews"/> (status, opened, decided), reviews of contributions of <paramref name="domainId"/>.</summary>
    public static ReviewStats Of(string? domainId, IReadOnlyCollection<(string Status, DateTimeOffset CreatedAt, DateTimeOffset? DecidedAt)> reviews)
    {
        ArgumentNullException.ThrowIfNull(reviews);
        int Count(string status) => reviews.Count(r => r.Status == status);
        var (accepted, corrected, rejected) = (Count(ReviewStatus.Approved), Count(ReviewStatus.Corrected), Count(ReviewStatus.Rejected));
        var decided = accepted + corrected + rejected;
        double Rate(int n) => decided == 0 ? 0 : (double)n / decided;
        var seconds = reviews.Where(r => r.Status != ReviewStatus.Pending && r.DecidedAt is not null)
            .Select(r => (r.DecidedAt!.Value - r.CreatedAt).TotalSeconds).Order().ToArray();
        double? median = seconds.Length == 0 ? null
            : seconds.Length % 2 == 1 ? seconds[seconds.Length / 2] : (seconds[(seconds.Length / 2) - 1] + seconds[seconds.Length / 2]) / 2;
        return new ReviewStats(domainId, Count(ReviewStatus.Pending), accepted, corrected, rejected, decided,
            Rate(accepted), Rate(corrected), Rate(rejected), seconds.Length == 0 ? null : seconds.Average(), median);
    }
}
