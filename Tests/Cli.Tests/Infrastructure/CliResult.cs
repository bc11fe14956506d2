using System.Text.Json;

namespace Rayswarm.Cli.Tests;

/// <summary>What one run of rayswarm left: its exit code, stdout and stderr.</summary>
public sealed record CliResult(int ExitCode, string Output, string Error)
{
    /// <summary>Stdout as one JSON document (a <c>--json</c> run).</summary>
    public JsonElement Json() => JsonDocument.Parse(Output).RootElement.Clone();

    /// <summary>Stdout as JSON lines (<c>monitor --json</c>).</summary>
    public IReadOnlyList<JsonElement> JsonLines() =>
        [.. Output.Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries).Select(l => JsonDocument.Parse(l).RootElement.Clone())];

    /// <summary>Asserts exit code 0, showing both streams when it is not.</summary>
    public CliResult Ok()
    {
        Assert.True(ExitCode == 0, $"exit {ExitCode}\nstdout:\n{Output}\nstderr:\n{Error}");
        return this;
    }

    public string[] ErrorLines => Error.Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
}
