using Rayswarm.Grains.Interfaces;

namespace Rayswarm.Grains;

/// <summary>Where reviews live (one table, SQLite or PostgreSQL). It is the authority on a review's decision: a decision is
/// a conditional update from <see cref="ReviewStatus.Pending"/>, so of two deciders on any silos or gateways exactly one wins.</summary>
public interface IReviewStore
{
    /// <summary>Stores a new review; a review with the same id already stored is kept as it is (opening is idempotent).</summary>
    Task OpenAsync(ReviewInfo review, CancellationToken cancellationToken = default);

    /// <summary>One review, or null.</summary>
    Task<ReviewInfo?> GetAsync(string reviewId, CancellationToken cancellationToken = default);

    /// <summary>Reviews oldest first, of <paramref name="domains"/> (null: every domain), with <paramref name="status"/> (null: any).</summary>
    Task<IReadOnlyList<ReviewInfo>> ListAsync(IReadOnlyList<string>? domains, string? status, int limit, CancellationToken cancellationToken = default);

    /// <summary>Records the decision <paramref name="decided"/> (its status, decider, time, comment, correction, result) if the
    /// review is still pending; false when it was decided before (or does not exist).</summary>
    Task<bool> DecideAsync(ReviewInfo decided, CancellationToken cancellationToken = default);

    /// <summary>The status, opening and decision time of every review of <paramref name="kind"/> of <paramref name="domainId"/>
    /// (null: every domain), for <see cref="ReviewStats"/>.</summary>
    Task<IReadOnlyList<(string Status, DateTimeOffset CreatedAt, DateTimeOffset? DecidedAt)>> OutcomesAsync(string? domainId, string kind,
        CancellationToken cancellationToken = default);
}
