using Microsoft.Extensions.DependencyInjection;
using Rayswarm.Grains.Interfaces;

namespace Rayswarm.Grains;

/// <summary>The expert's list and decisions (<see cref="IReviewsGrain"/>). A stateless worker over the review store: the store
/// decides which of two decisions wins; the winner is then sent to what was reviewed (the waiting workflow).</summary>
[StatelessWorker]
[Reentrant]
[GrainType("reviews")]
public sealed class ReviewsGrain(IReviewStore store, [FromKeyedServices(DomainClock.Key)] TimeProvider? time = null) : Grain, IReviewsGrain
{
    private const int DefaultLimit = 100;

    private readonly TimeProvider _time = time ?? TimeProvider.System;

    public async Task<ReviewList> List(string? domainId, string? status, int? limit)
    {
        if (domainId is not null) { DomainRegistration.ValidateDomainId(domainId, "domain"); }
        if (status is not null && !ReviewStatus.All.Contains(status))
        {
            throw new ArgumentException($"status must be one of {string.Join(", ", ReviewStatus.All)} (was '{status}').", "status");
        }
        var take = limit ?? DefaultLimit;
        if (take is < 1 or > IReviewsGrain.MaxLimit)
        {
            throw new ArgumentException($"limit must be between 1 and {IReviewsGrain.MaxLimit} (was {take}).", "limit");
        }
        var reviews = await store.ListAsync(domainId is null ? DomainsOf(Caller.Current) : [domainId], status, take);
        return new ReviewList(reviews, reviews.Count);
    }

    public async Task<ReviewInfo> Get(string reviewId) =>
        await store.GetAsync(reviewId ?? "") ?? throw NotFound(reviewId);

    public async Task<ReviewInfo> Decide(string reviewId, string decision, ReviewDecision request)
    {
        ArgumentNullException.ThrowIfNull(request, "request");
        request.Validate(decision);
        var review = await Get(reviewId);
        var caller = Caller.Current;
        if (caller is not null && !caller.MayDecide(review.Approvers))
        {
            throw new ForbiddenException($"'{caller.Name}' may not decide review '{reviewId}': that needs one of the roles {string.Join(", ", review.Approvers)}.");
        }
        if (review.Status != ReviewStatus.Pending) { throw AlreadyDecided(review); }
        if (review.Kind == ReviewKinds.Approval && decision == ReviewDecision.Correct)
        {
            throw new ArgumentException($"An approval is approved or rejected, not corrected ('{reviewId}' is an approval).", "decision");
        }
        if (review.Kind == ReviewKinds.Contribution && decision == ReviewDecision.Correct)
        {
            // The corrected content must make a valid contribution before the decision is recorded.
            var contribution = await GrainFactory.GetGrain<IContributionGrain>(review.SubjectId).Get();
            new ContributeRequest(contribution.DomainId, contribution.ContributionType, request.Content!.Value).Validate();
        }
        var decided = review with
        {
            Status = decision switch
            {
                ReviewDecision.Approve => ReviewStatus.Approved,
                ReviewDecision.Correct => ReviewStatus.Corrected,
                _ => ReviewStatus.Rejected,
            },
            DecidedAt = _time.GetUtcNow(),
            DecidedBy = caller?.Name ?? Principal.LocalName,
            Comment = request.Comment,
            Correction = decision == ReviewDecision.Correct ? request.Content : null,
            ResultId = decision == ReviewDecision.Correct ? Guid.CreateVersion7().ToString("N") : null,
        };
        if (!await store.DecideAsync(decided))
        {
            throw AlreadyDecided(await store.GetAsync(reviewId) ?? review);
        }
        // Recorded: if the call that carries it out is lost, the workflow reads the decision at its next reminder tick, and the
        // contribution's grain when it next activates.
        if (review.Kind == ReviewKinds.Approval)
        {
            await GrainFactory.GetGrain<IWorkflowApprovalGrain>(review.SubjectId).Decided(review.StepId!, decided);
            await this.AnnounceReviewAsync(decision == ReviewDecision.Approve ? ReviewEvents.Approved : ReviewEvents.Rejected, decided);
        }
        else
        {
            await GrainFactory.GetGrain<IContributionGrain>(review.SubjectId).Reviewed(decided);
        }
        return decided;
    }

    public async Task<ReviewStats> GetStats(string? domainId)
    {
        if (domainId is not null) { DomainRegistration.ValidateDomainId(domainId, "domain"); }
        return ReviewStats.Of(domainId, await store.OutcomesAsync(domainId, ReviewKinds.Contribution));
    }

    /// <summary>The domains whose reviews a caller lists by default: all (null) for an operator, <c>expert:*</c> or a call from
    /// inside the cluster; else those it is an expert of.</summary>
    private static IReadOnlyList<string>? DomainsOf(Principal? caller)
    {
        if (caller is null || caller.Holds(PrincipalRoles.Operator)) { return null; }
        var domains = caller.ExpertDomains();
        return domains.Contains(PrincipalRoles.AnyDomain) ? null : domains;
    }

    private static KeyNotFoundException NotFound(string? reviewId) => new($"Review '{reviewId}' does not exist.");

    private static ConflictException AlreadyDecided(ReviewInfo review) =>
        new($"Review '{review.ReviewId}' is already {review.Status.Replace('_', ' ')}{(review.DecidedBy is null ? "" : $" (by {review.DecidedBy})")}.");
}
