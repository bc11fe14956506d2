using System.CommandLine;
using Spectre.Console;

namespace Rayswarm.Cli;

/// <summary><c>rayswarm review approve|reject ID [--comment TEXT]</c> (<c>POST /domains/reviews/{id}/approve|reject</c>):
/// a 403 (not an approver), 404 (no such review) or 409 (already decided) is one line and exit 1.</summary>
internal static class ReviewDecideCommand
{
    public static Command Create(CliIo io, string decision, string description)
    {
        var id = new Argument<string>("id") { Description = "The review's id (apr_…)." };
        var comment = new Option<string?>("--comment", "-m") { Description = "Why; recorded with the decision in the audit." };
        var command = new Command(decision, description) { id, comment };
        return command.WithSession(io, async (parse, session, cancellationToken) =>
        {
            var reviewId = parse.GetValue(id)!;
            var review = await session.Gateway.PostAsync($"{ReviewCommand.Path(reviewId)}/{decision}",
                new { Comment = parse.GetValue(comment) }, cancellationToken);
            if (session.Json)
            {
                session.WriteJson(review);
            }
            else
            {
                session.Console.MarkupLine($"{review.Cell("review_id")} {StatusMarkup.Of(review.Text("status"))} by {review.Cell("decided_by")}"
                    + (review.Text("subject_id") is { Length: > 0 } ? $" (workflow {review.Cell("subject_id")})" : ""));
            }
            return RayswarmCli.Ok;
        });
    }
}
