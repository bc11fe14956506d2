using System.CommandLine;

namespace Rayswarm.Cli;

/// <summary>Gives a command an action that runs with a <see cref="CliSession"/> opened from the global options.</summary>
internal static class CommandActions
{
    public static Command WithSession(this Command command, CliIo io, Func<ParseResult, CliSession, CancellationToken, Task<int>> run)
    {
        command.SetAction(async (parse, cancellationToken) =>
        {
            using var session = CliSession.Open(parse, io);
            return await run(parse, session, cancellationToken);
        });
        return command;
    }
}
