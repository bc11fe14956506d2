using System.CommandLine;
using System.Text.Json;
using Spectre.Console;

namespace Rayswarm.Cli;

/// <summary>What one command run works with: the gateway client built from the global options, the output, and the mode.</summary>
internal sealed class CliSession(CliIo io, GatewayClient gateway, bool json) : IDisposable
{
    public CliIo Io { get; } = io;

    public GatewayClient Gateway { get; } = gateway;

    /// <summary>Whether <c>--json</c> was given: one JSON document on stdout, nothing drawn.</summary>
    public bool Json { get; } = json;

    public IAnsiConsole Console => Io.Console;

    public static CliSession Open(ParseResult parse, CliIo io, int maxConnections = 16) =>
        new(io, new GatewayClient(parse.GetValue(GlobalOptions.Url)!, parse.GetValue(GlobalOptions.ApiKey), maxConnections: maxConnections),
            parse.GetValue(GlobalOptions.Json));

    /// <summary>Writes <paramref name="value"/> as one indented JSON document (snake_case) and a newline.</summary>
    public void WriteJson(object value) => Io.Output.WriteLine(JsonSerializer.Serialize(value, CliJson.Indented));

    /// <summary>Writes <paramref name="value"/> as one compact JSON line (the form of a stream of documents: monitor).</summary>
    public void WriteJsonLine(object value) => Io.Output.WriteLine(JsonSerializer.Serialize(value, CliJson.Compact));

    public void Dispose() => Gateway.Dispose();
}
