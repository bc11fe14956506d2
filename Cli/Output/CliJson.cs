using System.Text.Encodings.Web;
using System.Text.Json;

namespace Rayswarm.Cli;

/// <summary>The CLI's JSON: snake_case like the gateway, and how <c>--json</c> output is written (indented, one document).</summary>
internal static class CliJson
{
    public static readonly JsonSerializerOptions Options = new(JsonSerializerDefaults.Web)
    {
        PropertyNamingPolicy = JsonNamingPolicy.SnakeCaseLower,
        Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping,
    };

    public static readonly JsonSerializerOptions Indented = new(Options) { WriteIndented = true };

    public static readonly JsonSerializerOptions Compact = new(Options) { WriteIndented = false };

    /// <summary>Reads a JSON object given on the command line (<c>--data '{"a": 1}'</c>), or says which option is wrong.</summary>
    public static JsonElement ParseObject(string text, string option)
    {
        try
        {
            using var document = JsonDocument.Parse(text);
            if (document.RootElement.ValueKind != JsonValueKind.Object)
            {
                throw new CliException($"{option} must be a JSON object such as '{{\"key\": \"value\"}}'.", RayswarmCli.Usage);
            }
            return document.RootElement.Clone();
        }
        catch (JsonException e)
        {
            throw new CliException($"{option} is not valid JSON: {e.Message}", RayswarmCli.Usage, e);
        }
    }
}
