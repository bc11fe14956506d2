using System.CommandLine;
using System.Globalization;
using Spectre.Console;

namespace Rayswarm.Cli;

/// <summary><c>rayswarm review list [--domain D] [--status S] [--limit N]</c>: approvals and reviews oldest first
/// (<c>GET /domains/reviews</c>); without <c>--domain</c>, those of the domains the caller is an expert of.</summary>
internal static class ReviewListCommand
{
    public static Command Create(CliIo io)
    {
        var domain = new Option<string?>("--domain") { Description = "Only this domain's reviews (default: the domains you are an expert of)." };
        var status = new Option<string?>("--status")
        {
            Description = "Only reviews with this status (pending, approved, rejected, corrected, timed_out, cancelled).",
        };
        var limit = new Option<int?>("--limit") { Description = "How many at most, oldest first." };
        var command = new Command("list", "Approvals and reviews oldest first, with their status and prompt.") { domain, status, limit };
        return command.WithSession(io, async (parse, session, cancellationToken) =>
        {
            var query = new List<string>();
            if (parse.GetValue(domain) is { Length: > 0 } d) { query.Add("domain=" + Uri.EscapeDataString(d)); }
            if (parse.GetValue(status) is { Length: > 0 } s) { query.Add("status=" + Uri.EscapeDataString(s)); }
            if (parse.GetValue(limit) is { } n) { query.Add("limit=" + n.ToString(CultureInfo.InvariantCulture)); }
            var answer = await session.Gateway.GetAsync("/domains/reviews" + (query.Count > 0 ? "?" + string.Join('&', query) : ""), cancellationToken);
            if (session.Json)
            {
                session.WriteJson(answer);
                return RayswarmCli.Ok;
            }
            // Ids stay whole, to be copied into 'review approve'; the prompt wraps instead.
            var table = new Table().AddColumns(new TableColumn("review").NoWrap(), new TableColumn("kind"), new TableColumn("domain"),
                new TableColumn("status"), new TableColumn("workflow").NoWrap(), new TableColumn("step"), new TableColumn("prompt"),
                new TableColumn("deadline"));
            foreach (var review in answer.Items("reviews"))
            {
                table.AddRow(review.Cell("review_id"), review.Cell("kind"), review.Cell("domain_id"), StatusMarkup.Of(review.Text("status")),
                    review.Cell("subject_id"), review.Cell("step_id"), review.Cell("prompt"), review.Time("deadline_at"));
            }
            table.Caption($"{answer.Text("count")} reviews");
            session.Console.Write(table);
            return RayswarmCli.Ok;
        });
    }
}
