using System.CommandLine;
using System.Globalization;
using Spectre.Console;

namespace Rayswarm.Cli;

/// <summary><c>rayswarm memory query [TEXT] [--min-confidence C] [--type T] [--domain D] [--limit N]</c>
/// (<c>GET /domains/memory/query</c>).</summary>
internal static class MemoryQueryCommand
{
    public static Command Create(CliIo io)
    {
        var text = new Argument<string?>("text") { Description = "Words to search for (all must occur); none lists everything.", Arity = ArgumentArity.ZeroOrOne };
        var minConfidence = new Option<double?>("--min-confidence") { Description = "Only contributions at least this trusted (0-1)." };
        var type = new Option<string?>("--type") { Description = "Only this contribution type." };
        var domain = new Option<string?>("--domain") { Description = "Only this domain's contributions." };
        var limit = new Option<int?>("--limit") { Description = "At most this many results (1-100)." };
        var command = new Command("query", "Full-text search over the shared memory, best first.") { text, minConfidence, type, domain, limit };
        return command.WithSession(io, async (parse, session, cancellationToken) =>
        {
            var query = new List<string>();
            void Add(string name, string? value)
            {
                if (!string.IsNullOrEmpty(value)) { query.Add(name + "=" + Uri.EscapeDataString(value)); }
            }
            Add("query", parse.GetValue(text));
            Add("min_confidence", parse.GetValue(minConfidence)?.ToString(CultureInfo.InvariantCulture));
            Add("contribution_type", parse.GetValue(type));
            Add("domain_id", parse.GetValue(domain));
            Add("limit", parse.GetValue(limit)?.ToString(CultureInfo.InvariantCulture));
            var result = await session.Gateway.GetAsync("/domains/memory/query" + (query.Count > 0 ? "?" + string.Join('&', query) : ""), cancellationToken);
            if (session.Json)
            {
                session.WriteJson(result);
                return RayswarmCli.Ok;
            }
            var table = new Table().AddColumns("contribution", "domain", "type", "confidence", "score", "content");
            foreach (var match in result.Items("results"))
            {
                var c = match.Child("contribution");
                table.AddRow(c.Cell("contribution_id"), c.Cell("domain_id"), c.Cell("contribution_type"), c.Cell("confidence"), match.Cell("score"),
                    c.Snippet("content"));
            }
            table.Caption($"{result.Text("count")} results");
            session.Console.Write(table);
            return RayswarmCli.Ok;
        });
    }
}
