using System.Runtime.CompilerServices;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.ModelBinding;
using Rayswarm.Grains.Interfaces;

namespace Rayswarm.Gateway;

/// <summary>The expert's endpoints (docs/workflows.md, Approval steps): one list of approvals and reviews, one review, the
/// decisions, and a server-sent event stream of the pending ones. Decisions run as the key's principal, which needs one of the
/// review's approver roles (403 otherwise).</summary>
internal static class ReviewsApi
{
    /// <summary>How often the stream looks for changes of the pending list.</summary>
    private static readonly TimeSpan s_streamPeriod = TimeSpan.FromSeconds(1);

    public static IEndpointRouteBuilder MapReviewsApi(this IEndpointRouteBuilder routes)
    {
        var reviews = routes.MapGroup("/domains/reviews").WithTags("Reviews");
        reviews.MapGet("", ([FromQuery(Name = "domain")] string? domain, [FromQuery(Name = "status")] string? status,
            [FromQuery(Name = "limit")] int? limit, IGrainFactory grains) =>
            Reviews(grains).List(Blank(domain), Blank(status), limit)).WithName("ListReviews")
            .WithSummary("Approvals and reviews oldest first: of one domain, or of the domains the caller is an expert of; optionally with one status (pending, approved, rejected, corrected, timed_out, cancelled).");
        // "stream" is a literal segment, so it wins over {id}.
        reviews.MapGet("/stream", async ([FromQuery(Name = "domain")] string? domain, IGrainFactory grains, CancellationToken cancellationToken) =>
            {
                // The first list is read before the stream starts, so a failure then answers as on any route (a 503 to retry).
                var first = await Reviews(grains).List(Blank(domain), ReviewStatus.Pending, IReviewsGrain.MaxLimit);
                return TypedResults.ServerSentEvents(PendingAsync(Reviews(grains), Blank(domain), first, cancellationToken), eventType: "pending");
            })
            .WithName("StreamPendingReviews")
            .WithSummary("Server-sent events: a 'pending' event with the pending reviews (as GET /domains/reviews?status=pending) at once and whenever they change.");
        reviews.MapGet("/{id}", (string id, IGrainFactory grains) => Reviews(grains).Get(id)).WithName("GetReview")
            .WithSummary("One approval or review with its context (the outputs of the steps it depends on) and its decision.");
        // "stats" is a literal segment too.
        reviews.MapGet("/stats", ([FromQuery(Name = "domain")] string? domain, IGrainFactory grains) => Reviews(grains).GetStats(Blank(domain)))
            .WithName("GetReviewStats")
            .WithSummary("The expert feedback on contributions, of one domain or of all: accepted, corrected, rejected and pending counts, rates, and time to review.");
        foreach (var decision in (string[])[ReviewDecision.Approve, ReviewDecision.Reject, ReviewDecision.Correct])
        {
            reviews.MapPost($"/{{id}}/{decision}", (string id, [FromBody(EmptyBodyBehavior = EmptyBodyBehavior.Allow)] ReviewDecision? body, IGrainFactory grains) =>
                Reviews(grains).Decide(id, decision, body ?? new ReviewDecision()))
                .WithName(decision switch { ReviewDecision.Approve => "ApproveReview", ReviewDecision.Reject => "RejectReview", _ => "CorrectReview" })
                .WithSummary(decision switch
                {
                    ReviewDecision.Approve => "Approves a pending approval (the workflow continues) or accepts a contribution (its confidence rises); body {\"comment\"} optional.",
                    ReviewDecision.Reject => "Rejects a pending approval (the workflow compensates its completed steps) or a contribution (it is retracted with the comment as the reason); body {\"comment\"}.",
                    _ => "Corrects a contribution under review: body {\"comment\", \"content\": the corrected content}; a new version supersedes it (result_id).",
                });
        }
        return routes;
    }

    private static async IAsyncEnumerable<ReviewList> PendingAsync(IReviewsGrain reviews, string? domain, ReviewList first,
        [EnumeratorCancellation] CancellationToken cancellationToken)
    {
        var last = FingerprintOf(first);
        yield return first;
        while (await WaitAsync(cancellationToken))
        {
            ReviewList pending;
            try
            {
                pending = await reviews.List(domain, ReviewStatus.Pending, IReviewsGrain.MaxLimit);
            }
            catch (Exception e) when (TransientFailures.IsTransient(e))
            {
                continue; // the cluster is busy or a silo moved: the next period asks again, the stream stays open
            }
            if (FingerprintOf(pending) != last)
            {
                last = FingerprintOf(pending);
                yield return pending;
            }
        }
    }

    private static string FingerprintOf(ReviewList list) => string.Join(',', list.Reviews.Select(r => r.ReviewId));

    private static async Task<bool> WaitAsync(CancellationToken cancellationToken)
    {
        try
        {
            await Task.Delay(s_streamPeriod, cancellationToken);
            return true;
        }
        catch (OperationCanceledException)
        {
            return false; // the client went away
        }
    }

    private static string? Blank(string? value) => string.IsNullOrEmpty(value) ? null : value;

    private static IReviewsGrain Reviews(IGrainFactory grains) => grains.GetGrain<IReviewsGrain>(IReviewsGrain.Key);
}
