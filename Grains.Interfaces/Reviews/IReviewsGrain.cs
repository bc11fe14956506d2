namespace Rayswarm.Grains.Interfaces;

/// <summary>The expert's one list: approvals of workflow steps and reviews of contributions (a stateless worker, key
/// <see cref="Key"/>). Decisions are checked against the caller's roles (<see cref="Caller"/>).</summary>
[Alias("rayswarm.IReviewsGrain")]
public interface IReviewsGrain : IGrainWithStringKey
{
    /// <summary>The well-known key.</summary>
    const string Key = "reviews";

    /// <summary>The largest list.</summary>
    const int MaxLimit = 500;

    /// <summary>Reviews oldest first: of <paramref name="domainId"/>, or without it of the domains the caller is an expert of
    /// (every domain for an operator, <c>expert:*</c> or a call from inside the cluster); with one status (default every
    /// status); at most <paramref name="limit"/> (default 100).</summary>
    Task<ReviewList> List(string? domainId, string? status, int? limit);

    /// <summary>One review; <see cref="KeyNotFoundException"/> when unknown.</summary>
    Task<ReviewInfo> Get(string reviewId);

    /// <summary>Decides a review: <paramref name="decision"/> is approve, reject or correct (<see cref="ReviewDecision"/>).
    /// Unknown id: <see cref="KeyNotFoundException"/>; a caller without one of its approver roles:
    /// <see cref="ForbiddenException"/>; already decided: <see cref="ConflictException"/>; bad input (correct on an
    /// approval, content that is not a valid contribution): <see cref="ArgumentException"/>. Returns the decided review. For a
    /// contribution (docs/memory.md, Reviews): approve accepts it (an expert decision that raises its confidence), reject
    /// retracts it with the comment as the reason, correct stores the content as a new version (<see cref="ReviewInfo.ResultId"/>)
    /// that supersedes it.</summary>
    Task<ReviewInfo> Decide(string reviewId, string decision, ReviewDecision request);

    /// <summary>The feedback on the contributions of <paramref name="domainId"/> (every domain without it): how many reviews
    /// were accepted, corrected and rejected, and how long a review took.</summary>
    Task<ReviewStats> GetStats(string? domainId);
}
