using System.CommandLine;
using Spectre.Console;

namespace Rayswarm.Cli;

/// <summary><c>rayswarm events publish TYPE --source DOMAIN [--data JSON] [--id ID]</c> (<c>POST /domains/events/publish</c>).</summary>
internal static class EventsPublishCommand
{
    public static Command Create(CliIo io)
    {
        var type = new Argument<string>("type") { Description = "The event type, dot-separated (ml.prediction)." };
        var source = new Option<string>("--source") { Description = "The publishing domain.", Required = true };
        var data = new Option<string?>("--data") { Description = "The payload, a JSON object." };
        var id = new Option<string?>("--id") { Description = "An event id of your own: publishing it again returns the stored event." };
        var command = new Command("publish", "Publish one event.") { type, source, data, id };
        return command.WithSession(io, async (parse, session, cancellationToken) =>
        {
            var payload = parse.GetValue(data) is { } text ? CliJson.ParseObject(text, "--data") : (System.Text.Json.JsonElement?)null;
            var stored = await session.Gateway.PostAsync("/domains/events/publish", new
            {
                EventType = parse.GetValue(type),
                SourceDomain = parse.GetValue(source),
                Data = payload,
                EventId = parse.GetValue(id),
            }, cancellationToken);
            if (session.Json) { session.WriteJson(stored); }
            else
            {
                session.Console.MarkupLineInterpolated($"published {stored.Text("event_type")} as {stored.Text("event_id")} at position {stored.Text("position")}");
            }
            return RayswarmCli.Ok;
        });
    }
}
