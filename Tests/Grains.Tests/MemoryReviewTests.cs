using System.Text.Json;
using Microsoft.Extensions.DependencyInjection;
using Rayswarm.Grains.Interfaces;

namespace Rayswarm.Grains.Tests;

/// <summary>Reviews of knowledge through the grains (docs/memory.md, Reviews): which contributions go to review, the expert's
/// accept, correct and reject, the confidence formula, the review.* events and the feedback counts.</summary>
public sealed class MemoryReviewTests : IAsyncLifetime
{
    private static readonly Principal s_alice = new("alice", [PrincipalRoles.Expert("code")]);
    private static readonly Principal s_bob = new("bob", [PrincipalRoles.Expert("docs"), PrincipalRoles.Operator]);

    private MemorySilo _silo = null!;

    public async Task InitializeAsync() => _silo = await MemorySilo.StartAsync(services: s => s.Configure<MemoryReviewOptions>(o =>
    {
        o.Domains.Add("code");
        o.Threshold = 0.3;
    }));

    public async Task DisposeAsync() => await _silo.DisposeAsync();

    private Task<Contribution> ContributeAsync(string domain, object content) =>
        _silo.Memory.Contribute(new ContributeRequest(domain, "pattern", JsonSerializer.SerializeToElement(content)));

    private async Task<JsonElement[]> EventsAsync(string type) =>
        [.. (await _silo.Streams.ReadHistoryAsync(RegistryEvents.Namespace, type)).Events.Select(e => e.As<JsonElement>())];

    [Fact]
    public void The_confidence_counts_an_expert_decision_as_six_and_a_correction_starts_at_seven_eighths()
    {
        Assert.Equal(0.5, MemoryConfidence.Compute(0, 0, 0, 0));
        Assert.Equal(7.0 / 8, MemoryConfidence.Compute(0, 0, 0, 0, expertAccepts: 1));
        Assert.Equal(7.0 / 8, MemoryConfidence.Corrected);
        // (1 + 2·1 + 1 + 6·1) / (2 + 2·1 + 2·1 + 1 + 1 + 6·1) = 10 / 14
        Assert.Equal(10.0 / 14, MemoryConfidence.Compute(verifications: 1, rejections: 1, successes: 1, failures: 1, expertAccepts: 1), 12);
        Assert.Equal(13.0 / 14, MemoryConfidence.Compute(0, 0, 0, 0, expertAccepts: 2), 12);
    }

    [Fact]
    public void The_feedback_figures_are_rates_of_the_decided_reviews_and_the_mean_and_median_time_to_decide()
    {
        var at = new DateTimeOffset(2026, 1, 1, 0, 0, 0, TimeSpan.Zero);
        var stats = ReviewStats.Of("code",
        [
            (ReviewStatus.Approved, at, at.AddSeconds(10)), (ReviewStatus.Approved, at, at.AddSeconds(20)),
            (ReviewStatus.Corrected, at, at.AddSeconds(60)), (ReviewStatus.Rejected, at, at.AddSeconds(110)), (ReviewStatus.Pending, at, null),
        ]);

        Assert.Equal((1, 2, 1, 1, 4), (stats.Pending, stats.Accepted, stats.Corrected, stats.Rejected, stats.Decided));
        Assert.Equal((0.5, 0.25, 0.25), (stats.AcceptedRate, stats.CorrectedRate, stats.RejectedRate));
        Assert.Equal((50.0, 40.0), (stats.MeanSecondsToReview, stats.MedianSecondsToReview));
        Assert.Equal((0, 0.0, (double?)null), (ReviewStats.Of(null, []).Decided, ReviewStats.Of(null, []).AcceptedRate, ReviewStats.Of(null, []).MedianSecondsToReview));
    }

    [Fact]
    public async Task A_contribution_of_a_reviewed_domain_waits_for_review_and_an_accept_raises_its_confidence()
    {
        Caller.Set(new Principal("carol", []));
        var contribution = await ContributeAsync("code", new { tip = "pool the sockets" });
        var unreviewed = await ContributeAsync("docs", new { tip = "short titles" });

        Assert.Equal((ReviewStatus.Pending, "carol"), (contribution.ReviewStatus, contribution.ContributedBy));
        Assert.Null(unreviewed.ReviewStatus);
        var review = await _silo.Reviews.Get("rev_" + contribution.ContributionId);
        Assert.Equal((ReviewKinds.Contribution, "code", ReviewStatus.Pending, "carol"), (review.Kind, review.DomainId, review.Status, review.RequestedBy));
        Assert.Equal(["expert:code"], review.Approvers);
        Assert.Equal(contribution.ContributionId, review.Context!.Value.GetProperty("contribution_id").GetString());
        Assert.Equal("pool the sockets", review.Context.Value.GetProperty("content").GetProperty("tip").GetString());
        await Assert.ThrowsAsync<KeyNotFoundException>(() => _silo.Reviews.Get("rev_" + unreviewed.ContributionId));

        Caller.Set(s_bob); // an operator and docs' expert, not code's
        await Assert.ThrowsAsync<ForbiddenException>(() => _silo.Reviews.Decide(review.ReviewId, ReviewDecision.Approve, new()));
        Caller.Set(s_alice);
        var decided = await _silo.Reviews.Decide(review.ReviewId, ReviewDecision.Approve, new("checked"));
        await Assert.ThrowsAsync<ConflictException>(() => _silo.Reviews.Decide(review.ReviewId, ReviewDecision.Reject, new("no")));
        await Assert.ThrowsAsync<KeyNotFoundException>(() => _silo.Reviews.Decide("rev_unknown", ReviewDecision.Approve, new()));

        Assert.Equal((ReviewStatus.Approved, "alice"), (decided.Status, decided.DecidedBy));
        var accepted = await _silo.Memory.Get(contribution.ContributionId);
        Assert.Equal((ReviewStatus.Approved, 1), (accepted.ReviewStatus, accepted.ExpertAccepts));
        Assert.Equal(MemoryConfidence.Compute(0, 0, 0, 0, expertAccepts: 1), accepted.Confidence);
        var events = await EventsAsync(ReviewEvents.Accepted);
        var announced = Assert.Single(events);
        Assert.Equal((review.ReviewId, contribution.ContributionId, "alice"), (announced.GetProperty("review_id").GetString(),
            announced.GetProperty("contribution_id").GetString(), announced.GetProperty("decided_by").GetString()));
        Assert.Single(await EventsAsync(ReviewEvents.Requested));
    }

    [Fact]
    public async Task A_correction_supersedes_the_old_version_which_queries_no_longer_find()
    {
        var old = await ContributionUnderReviewAsync(new { tip = "numbat caching with a wrong size" });
        Caller.Set(s_alice);
        await Assert.ThrowsAsync<ArgumentException>(() => _silo.Reviews.Decide("rev_" + old.ContributionId, ReviewDecision.Correct,
            new("fix", JsonSerializer.SerializeToElement(new { }))));
        var decided = await _silo.Reviews.Decide("rev_" + old.ContributionId, ReviewDecision.Correct,
            new("the size is 64", JsonSerializer.SerializeToElement(new { tip = "numbat caching with 64 entries" })));

        Assert.Equal(ReviewStatus.Corrected, decided.Status);
        var corrected = await _silo.Memory.Get(decided.ResultId!);
        Assert.Equal((old.ContributionId, "alice", MemoryConfidence.Corrected, (string?)null), (corrected.Supersedes, corrected.ContributedBy, corrected.Confidence, corrected.ReviewStatus));
        Assert.Equal((old.DomainId, old.ContributionType), (corrected.DomainId, corrected.ContributionType));
        var superseded = await _silo.Memory.Get(old.ContributionId);
        Assert.Equal((decided.ResultId, ReviewStatus.Corrected), (superseded.SupersededBy, superseded.ReviewStatus));
        var found = await _silo.Memory.Query(new MemoryQuery("numbat caching"));
        Assert.Equal([corrected.ContributionId], found.Results.Select(r => r.Contribution.ContributionId));
        var announced = Assert.Single(await EventsAsync(ReviewEvents.Corrected));
        Assert.Equal(corrected.ContributionId, announced.GetProperty("new_contribution_id").GetString());

        // Carrying the decision out again (a retry) changes nothing.
        await _silo.Grains.GetGrain<IContributionGrain>(old.ContributionId).Reviewed(decided);
        Assert.Equal([corrected.ContributionId], (await _silo.Memory.Query(new MemoryQuery("numbat caching"))).Results.Select(r => r.Contribution.ContributionId));
        Assert.Single(await EventsAsync(ReviewEvents.Corrected));
    }

    [Fact]
    public async Task A_rejection_retracts_the_contribution_with_the_comment_as_the_reason()
    {
        var rejected = await ContributionUnderReviewAsync(new { tip = "disable the tests" });
        Caller.Set(s_alice);
        await _silo.Reviews.Decide("rev_" + rejected.ContributionId, ReviewDecision.Reject, new("dangerous advice"));

        await Assert.ThrowsAsync<KeyNotFoundException>(() => _silo.Memory.Get(rejected.ContributionId));
        var retracted = Assert.Single(await EventsAsync(MemoryEvents.Retracted));
        Assert.Equal((rejected.ContributionId, "dangerous advice"), (retracted.GetProperty("contribution_id").GetString(), retracted.GetProperty("reason").GetString()));
        Assert.Equal("alice", Assert.Single(await EventsAsync(ReviewEvents.Rejected)).GetProperty("decided_by").GetString());
        Assert.Equal(ReviewStatus.Rejected, (await _silo.Reviews.Get("rev_" + rejected.ContributionId)).Status);
    }

    [Fact]
    public async Task A_contribution_whose_confidence_drops_below_the_threshold_is_sent_to_review_once()
    {
        var contribution = await ContributeAsync("docs", new { tip = "tabs everywhere" });
        Assert.Null(contribution.ReviewStatus);

        // 0.5 → 1 / 4 after one rejection, below 0.3.
        var dropped = await _silo.Memory.Verify(contribution.ContributionId, new VerifyRequest("ops_domain", Valid: false));
        Assert.Equal((0.25, ReviewStatus.Pending), (dropped.Confidence, dropped.ReviewStatus));
        var review = await _silo.Reviews.Get("rev_" + contribution.ContributionId);
        Assert.Equal("docs", review.DomainId);
        Assert.Equal(["expert:docs"], review.Approvers);
        await _silo.Memory.Verify(contribution.ContributionId, new VerifyRequest("ai_domain", Valid: false));
        var requested = Assert.Single(await EventsAsync(ReviewEvents.Requested));
        Assert.Equal(contribution.ContributionId, requested.GetProperty("contribution_id").GetString());
    }

    [Fact]
    public async Task The_feedback_counts_and_times_of_a_domain_are_kept()
    {
        var accepted = await ContributionUnderReviewAsync(new { tip = "a" });
        var corrected = await ContributionUnderReviewAsync(new { tip = "b" });
        var rejected = await ContributionUnderReviewAsync(new { tip = "c" });
        await ContributionUnderReviewAsync(new { tip = "d" });
        Caller.Set(s_alice);
        await _silo.Reviews.Decide("rev_" + accepted.ContributionId, ReviewDecision.Approve, new());
        await _silo.Reviews.Decide("rev_" + corrected.ContributionId, ReviewDecision.Correct, new(null, JsonSerializer.SerializeToElement(new { tip = "B" })));
        await _silo.Reviews.Decide("rev_" + rejected.ContributionId, ReviewDecision.Reject, new("no"));

        var stats = await _silo.Reviews.GetStats("code");

        Assert.Equal(("code", 1, 1, 1, 1, 3), (stats.DomainId, stats.Pending, stats.Accepted, stats.Corrected, stats.Rejected, stats.Decided));
        Assert.Equal((1.0 / 3, 1.0 / 3, 1.0 / 3), (stats.AcceptedRate, stats.CorrectedRate, stats.RejectedRate));
        Assert.True(stats.MeanSecondsToReview >= 0);
        Assert.True(stats.MedianSecondsToReview >= 0);
        Assert.Equal(0, (await _silo.Reviews.GetStats("docs")).Decided);
        Assert.Null((await _silo.Reviews.GetStats("docs")).MeanSecondsToReview);
    }

    private async Task<Contribution> ContributionUnderReviewAsync(object content)
    {
        var contribution = await ContributeAsync("code", content);
        Assert.Equal(ReviewStatus.Pending, contribution.ReviewStatus);
        return contribution;
    }
}
