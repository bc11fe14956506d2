using System.ComponentModel;
using System.Text.Json;
using ModelContextProtocol.Server;
using Rayswarm.Grains.Interfaces;

namespace Rayswarm.Gateway;

/// <summary>The expert's reviews as MCP tools (the same grain and rules as <c>/domains/reviews</c>): an agent can see what
/// waits for a person, and an expert can decide from an MCP client. Decisions run as the session's principal.</summary>
[McpServerToolType]
public sealed class ReviewTools(IGrainFactory grains)
{
    private const string IdDescription = "The review's id (\"apr_…\" for a workflow's approval step, from list_reviews or the workflow's step review_id; \"rev_…\" for a contribution).";

    private const string CommentDescription = "Why, for the audit trail (at most 4000 characters).";

    private IReviewsGrain Reviews => grains.GetGrain<IReviewsGrain>(IReviewsGrain.Key);

    [McpServerTool(Name = "list_reviews", ReadOnly = true, OpenWorld = false, UseStructuredContent = true)]
    [Description("Lists approvals (workflow steps waiting for a person) and reviews, oldest first: of one domain, or of the domains the caller is an expert of.")]
    [McpScope(McpScopes.Read)]
    public Task<ReviewList> ListReviews(
        [Description("Only this domain's reviews.")] string? domain = null,
        [Description("Only reviews with this status: pending (default), approved, rejected, corrected, timed_out or cancelled.")] string? status = ReviewStatus.Pending,
        [Description("At most this many, 1-500 (default 100).")] int? limit = null) =>
        Reviews.List(string.IsNullOrEmpty(domain) ? null : domain, string.IsNullOrEmpty(status) ? null : status, limit);

    [McpServerTool(Name = "get_review", ReadOnly = true, OpenWorld = false, UseStructuredContent = true)]
    [Description("Gets one approval or review with its context (the outputs of the workflow steps it depends on) and its decision.")]
    [McpScope(McpScopes.Read)]
    public Task<ReviewInfo> GetReview([Description(IdDescription)] string review_id) => Reviews.Get(review_id);

    [McpServerTool(Name = "approve_review", Idempotent = false, Destructive = false, OpenWorld = true, UseStructuredContent = true)]
    [Description("Approves a pending approval (the workflow continues) or accepts a contribution. Needs one of the review's approver roles (expert:<domain>).")]
    [McpScope(McpScopes.Write)]
    public Task<ReviewInfo> ApproveReview([Description(IdDescription)] string review_id, [Description(CommentDescription)] string? comment = null) =>
        Reviews.Decide(review_id, ReviewDecision.Approve, new ReviewDecision(comment));

    [McpServerTool(Name = "reject_review", Idempotent = false, Destructive = true, OpenWorld = true, UseStructuredContent = true)]
    [Description("Rejects a pending approval (the workflow compensates its completed steps) or a contribution. Needs one of the review's approver roles.")]
    [McpScope(McpScopes.Write)]
    public Task<ReviewInfo> RejectReview([Description(IdDescription)] string review_id, [Description(CommentDescription)] string? comment = null) =>
        Reviews.Decide(review_id, ReviewDecision.Reject, new ReviewDecision(comment));

    [McpServerTool(Name = "correct_review", Idempotent = false, Destructive = true, OpenWorld = true, UseStructuredContent = true)]
    [Description("Corrects a contribution under review: a new version with the given content supersedes it (its id is the review's result_id). Needs the domain's expert role.")]
    [McpScope(McpScopes.Write)]
    public Task<ReviewInfo> CorrectReview(
        [Description(IdDescription)] string review_id,
        [Description("The corrected content of the contribution: a JSON object.")] JsonElement content,
        [Description(CommentDescription)] string? comment = null) =>
        Reviews.Decide(review_id, ReviewDecision.Correct, new ReviewDecision(comment, content));

    [McpServerTool(Name = "review_stats", ReadOnly = true, OpenWorld = false, UseStructuredContent = true)]
    [Description("The expert feedback on contributions, of one domain or of all: accepted, corrected, rejected and pending counts, rates, and time to review.")]
    [McpScope(McpScopes.Read)]
    public Task<ReviewStats> GetReviewStats([Description("Only this domain's reviews.")] string? domain = null) =>
        Reviews.GetStats(string.IsNullOrEmpty(domain) ? null : domain);
}
