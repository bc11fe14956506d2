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
        reviews.MapGet("/stream", ([FromQuery(Name = "domain")] string? domain, IGrainFactory grains, CancellationToken cancellationToken) =>
            TypedResults.ServerSentEvents(PendingAsync(Reviews(grains), Blank(domain), cancellationToken), eventType: "pending"))
            .WithName("StreamPendingReviews")
            .WithSummary("Server-sent events: a 'pending' event with the pending reviews (as GET /domains/reviews?status=pending) at once and whenever they change.");
        reviews.MapGet("/{id}", (string id, IGrainFactory grains) => Reviews(grains).Get(id)).WithName("GetReview")
            .WithSummary("One approval or review with its context (the outputs of the steps it depends on) and its decision.");
        foreach (var decision in (string[])[ReviewDecision.Approve, ReviewDecision.Reject, ReviewDecision.Correct])
        {
            reviews.MapPost($"/{{id}}/{decision}", (string id, [FromBody(EmptyBodyBehavior = EmptyBodyBehavior.Allow)] ReviewDecision? body, IGrainFactory grains) =>
                Reviews(grains).Decide(id, decision, body ?? new ReviewDecision()))
                .WithName(decision switch { ReviewDecision.Approve => "ApproveReview", ReviewDecision.Reject => "RejectReview", _ => "CorrectReview" })
                .WithSummary(decision switch
                {
                    ReviewDecision.Approve => "Approves (an approval step: the workflow continues) or accepts (a contribution); body {\"comment\"} optional.",
                    ReviewDecision.Reject => "Rejects (an approval step: the workflow compensates); body {\"comment\"}.",
                    _ => "Corrects a contribution: body {\"comment\", \"content\": the corrected contribution}.",
                });
        }
        return routes;
    }

    private static async IAsyncEnumerable<ReviewList> PendingAsync(IReviewsGrain reviews, string? domain, [EnumeratorCancellation] CancellationToken cancellationToken)
    {
        string? last = null;
        while (!cancellationToken.IsCancellationRequested)
        {
            var pending = await reviews.List(domain, ReviewStatus.Pending, IReviewsGrain.MaxLimit);
            var fingerprint = string.Join(',', pending.Reviews.Select(r => r.ReviewId));
            if (fingerprint != last)
            {
                last = fingerprint;
                yield return pending;
            }
            if (!await WaitAsync(cancellationToken)) { yield break; }
        }
    }

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
