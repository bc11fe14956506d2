using System.CommandLine;

namespace Rayswarm.Cli;

/// <summary>Runs the <c>rayswarm</c> command line: parses, runs the command, and turns every failure into one line and an
/// exit code (0 ok, 1 failure, 2 usage).</summary>
internal static class RayswarmCli
{
    public const int Ok = 0;
    public const int Failure = 1;
    public const int Usage = 2;

    public static async Task<int> RunAsync(IReadOnlyList<string> args, CliIo io, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(io);
        var root = RootCommandFactory.Create(io);
        var parse = root.Parse(args);
        if (parse.Errors.Count > 0)
        {
            foreach (var error in parse.Errors) { await io.Error.WriteLineAsync($"rayswarm: {error.Message}"); }
            await io.Error.WriteLineAsync("Run 'rayswarm --help' for the commands and their options.");
            return Usage;
        }
        var configuration = new InvocationConfiguration
        {
            Output = io.Output,
            Error = io.Error,
            EnableDefaultExceptionHandler = false,
            ProcessTerminationTimeout = io.HandlesCtrlC ? TimeSpan.FromSeconds(2) : null,
        };
        try
        {
            return await parse.InvokeAsync(configuration, cancellationToken);
        }
        catch (CliException e)
        {
            await io.Error.WriteLineAsync($"rayswarm: {e.Message}");
            return e.ExitCode;
        }
    }
}
