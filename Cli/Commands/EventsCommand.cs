using System.CommandLine;

namespace Rayswarm.Cli;

/// <summary><c>rayswarm events publish|history</c>.</summary>
internal static class EventsCommand
{
    public static Command Create(CliIo io)
    {
        var events = new Command("events", "Publish events on the bus and read its history.");
        events.Subcommands.Add(EventsPublishCommand.Create(io));
        events.Subcommands.Add(EventsHistoryCommand.Create(io));
        return events;
    }
}
