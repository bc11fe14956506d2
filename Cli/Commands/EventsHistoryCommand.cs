using System.CommandLine;
using System.Globalization;
using Spectre.Console;

namespace Rayswarm.Cli;

/// <summary><c>rayswarm events history [--type T | --pattern P] [--source D] [--after N] [--limit N]</c>
/// (<c>GET /domains/events/history</c>).</summary>
internal static class EventsHistoryCommand
{
    public static Command Create(CliIo io)
    {
        var type = new Option<string?>("--type") { Description = "Only this event type." };
        var pattern = new Option<string?>("--pattern") { Description = "Only types matching this pattern (ml.*, #, *)." };
        var source = new Option<string?>("--source") { Description = "Only events from this domain." };
        var after = new Option<long?>("--after") { Description = "Only events after this position (the previous page's next_position)." };
        var limit = new Option<int?>("--limit") { Description = "At most this many events." };
        var command = new Command("history", "Stored events, oldest first.") { type, pattern, source, after, limit };
        return command.WithSession(io, async (parse, session, cancellationToken) =>
        {
            var query = new List<string>();
            void Add(string name, string? value)
            {
                if (!string.IsNullOrEmpty(value)) { query.Add(name + "=" + Uri.EscapeDataString(value)); }
            }
            Add("event_type", parse.GetValue(type));
            Add("pattern", parse.GetValue(pattern));
            Add("source_domain", parse.GetValue(source));
            Add("after", parse.GetValue(after)?.ToString(CultureInfo.InvariantCulture));
            Add("limit", parse.GetValue(limit)?.ToString(CultureInfo.InvariantCulture));
            var page = await session.Gateway.GetAsync("/domains/events/history" + (query.Count > 0 ? "?" + string.Join('&', query) : ""), cancellationToken);
            if (session.Json)
            {
                session.WriteJson(page);
                return RayswarmCli.Ok;
            }
            var table = new Table().AddColumns("position", "type", "source", "data", "at");
            foreach (var e in page.Items("events"))
            {
                table.AddRow(e.Cell("position"), e.Cell("event_type"), e.Cell("source_domain"), e.Snippet("data"), e.Time("timestamp"));
            }
            table.Caption($"next position {page.Text("next_position")}{(page.Text("has_more") == "true" ? " · more follow" : "")}");
            session.Console.Write(table);
            return RayswarmCli.Ok;
        });
    }
}
