using System.Text.Json;
using System.Text.Json.Nodes;

namespace Rayswarm.Cli;

/// <summary>Reads a JSON document the user gives: a file, or stdin for <c>-</c>.</summary>
internal static class JsonInput
{
    public static async Task<string> ReadTextAsync(string path, CancellationToken cancellationToken)
    {
        if (path == "-") { return await Console.In.ReadToEndAsync(cancellationToken); }
        if (!File.Exists(path)) { throw new CliException($"no such file: {path}"); }
        return await File.ReadAllTextAsync(path, cancellationToken);
    }

    public static async Task<JsonObject> ReadObjectAsync(string path, CancellationToken cancellationToken)
    {
        var text = await ReadTextAsync(path, cancellationToken);
        try
        {
            return JsonNode.Parse(text) as JsonObject ?? throw new CliException($"{Name(path)} must hold one JSON object.");
        }
        catch (JsonException e)
        {
            throw new CliException($"{Name(path)} is not valid JSON: {e.Message}", RayswarmCli.Failure, e);
        }
    }

    private static string Name(string path) => path == "-" ? "stdin" : path;
}
