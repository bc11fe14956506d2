using System.CommandLine;
using System.Text.Json;
using Spectre.Console;

namespace Rayswarm.Cli;

/// <summary><c>rayswarm review correct ID --content JSON [--comment TEXT]</c> (<c>POST /domains/reviews/{id}/correct</c>): the
/// expert's corrected version of a contribution under review; it supersedes the old one, whose id the answer's
/// <c>result_id</c> replaces. Content that is not a JSON object is usage (exit 2).</summary>
internal static class ReviewCorrectCommand
{
    public static Command Create(CliIo io)
    {
        var id = new Argument<string>("id") { Description = "The review's id (rev_…)." };
        var content = new Option<string>("--content") { Description = "The corrected contribution, a JSON object.", Required = true };
        var comment = new Option<string?>("--comment", "-m") { Description = "Why; recorded with the decision." };
        var command = new Command("correct", "Correct a contribution under review: a new version supersedes it.") { id, content, comment };
        return command.WithSession(io, async (parse, session, cancellationToken) =>
        {
            JsonElement corrected;
            try
            {
                corrected = JsonDocument.Parse(parse.GetValue(content)!).RootElement.Clone();
            }
            catch (JsonException e)
            {
                throw new CliException($"--content is not JSON: {e.Message}", RayswarmCli.Usage, e);
            }
            if (corrected.ValueKind != JsonValueKind.Object) { throw new CliException("--content must be a JSON object.", RayswarmCli.Usage); }
            var review = await session.Gateway.PostAsync($"{ReviewCommand.Path(parse.GetValue(id)!)}/correct",
                new { Comment = parse.GetValue(comment), Content = corrected }, cancellationToken);
            if (session.Json) { session.WriteJson(review); }
            else
            {
                session.Console.MarkupLine($"{review.Cell("review_id")} {StatusMarkup.Of(review.Text("status"))} by {review.Cell("decided_by")}: new version {review.Cell("result_id")}");
            }
            return RayswarmCli.Ok;
        });
    }
}
