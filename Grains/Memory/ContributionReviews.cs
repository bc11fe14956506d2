using System.Text.Json;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using Rayswarm.Grains.Interfaces;

namespace Rayswarm.Grains;

/// <summary>Sends contributions to their domain's expert (docs/memory.md, Reviews): whether one is reviewed
/// (<see cref="MemoryReviewOptions"/>), and opening its review, one per contribution (id <c>rev_</c> + the contribution id).</summary>
internal static class ContributionReviews
{
    private static readonly JsonSerializerOptions s_json = new(JsonSerializerDefaults.Web) { PropertyNamingPolicy = JsonNamingPolicy.SnakeCaseLower };

    /// <summary>The id of the review of <paramref name="contributionId"/>.</summary>
    public static string ReviewIdOf(string contributionId) => "rev_" + contributionId;

    /// <summary>The review settings of the grain's silo (none reviewed without them).</summary>
    public static MemoryReviewOptions Options(this Grain grain) =>
        grain.GrainContext.ActivationServices.GetService<IOptions<MemoryReviewOptions>>()?.Value ?? new MemoryReviewOptions();

    /// <summary>The review store of the grain's silo.</summary>
    public static IReviewStore ReviewStore(this Grain grain) =>
        grain.GrainContext.ActivationServices.GetService<IReviewStore>() ?? UnconfiguredReviewStore.Instance;

    /// <summary>Opens the review of <paramref name="contribution"/> (marked pending) and announces
    /// <see cref="ReviewEvents.Requested"/>; both are idempotent, so a repair or a re-run opens and announces it once.</summary>
    public static async Task OpenAsync(Grain grain, Contribution contribution, DateTimeOffset now)
    {
        var review = new ReviewInfo(ReviewIdOf(contribution.ContributionId), ReviewKinds.Contribution, contribution.DomainId, ReviewStatus.Pending,
            $"Accept, correct or reject this {contribution.ContributionType} of {contribution.DomainId} (confidence {contribution.Confidence:0.###}).",
            [PrincipalRoles.Expert(contribution.DomainId)], contribution.ContributionId, null,
            JsonSerializer.SerializeToElement(contribution, s_json), contribution.ContributedBy, now, null);
        await grain.ReviewStore().OpenAsync(review);
        await grain.AnnounceReviewAsync(ReviewEvents.Requested, review, ("confidence", contribution.Confidence));
    }
}
