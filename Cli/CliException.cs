namespace Rayswarm.Cli;

/// <summary>A failure the CLI reports as one line (<c>rayswarm: message</c>) with an exit code, never as a stack trace.</summary>
internal class CliException(string message, int exitCode = RayswarmCli.Failure, Exception? inner = null) : Exception(message, inner)
{
    public int ExitCode { get; } = exitCode;
}
