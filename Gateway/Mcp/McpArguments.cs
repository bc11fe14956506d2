using System.Runtime.CompilerServices;
using System.Text;
using System.Text.Json;
using Json.Schema;
using ModelContextProtocol.Protocol;

namespace Rayswarm.Gateway;

/// <summary>
/// Checks a call's arguments against the tool's input schema with JsonSchema.Net (draft 2020-12), so a wrong argument
/// is a tool error that names it ("steps[0].timeout_seconds must be an integer or null (was the string \"soon\").")
/// instead of the package's generic "An error occurred". The library finds the problems; this class words the first one.
/// </summary>
internal static class McpArguments
{
    private static readonly ConditionalWeakTable<Tool, Checker> s_checkers = [];
    private static readonly EvaluationOptions s_flag = new() { OutputFormat = OutputFormat.Flag };
    private static readonly EvaluationOptions s_list = new() { OutputFormat = OutputFormat.List };

    static McpArguments()
    {
        // Only validity matters here; collecting annotations (descriptions, defaults) cost a third of the evaluation.
        s_flag.IgnoreAllAnnotations();
        // The two keywords worded here get their raw facts as messages: the missing names as a JSON array, the expected types.
        ErrorMessages.Required = "[[missing]]";
        ErrorMessages.Type = "[[expected]]";
    }

    public static string? Problem(Tool tool, IDictionary<string, JsonElement>? arguments)
    {
        var checker = s_checkers.GetValue(tool, t => new Checker(JsonSchema.Build(t.InputSchema)));
        if ((arguments is null || arguments.Count == 0) && checker.EmptyIsValid) { return null; }
        var schema = checker.Schema;
        var instance = JsonSerializer.SerializeToElement(arguments ?? new Dictionary<string, JsonElement>(), McpJson.Options);
        if (schema.Evaluate(instance, s_flag).IsValid) { return null; }
        var failed = schema.Evaluate(instance, s_list).Details?.FirstOrDefault(d => d.Errors is { Count: > 0 });
        if (failed?.Errors is not { } errors) { return "The arguments do not match the tool's input schema."; }
        var segments = failed.InstanceLocation.ToString().Split('/', StringSplitOptions.RemoveEmptyEntries)
            .Select(s => s.Replace("~1", "/", StringComparison.Ordinal).Replace("~0", "~", StringComparison.Ordinal)).ToList();
        var path = PathOf(segments);
        var (keyword, message) = errors.First();
        return keyword switch
        {
            "required" => $"{Prefix(path)}{JsonSerializer.Deserialize<string[]>(message)?.FirstOrDefault()} is required.",
            "type" => $"{path} must be {string.Join(" or ", message.Trim('"').Split(", ").Select(Article))} (was {Describe(ValueAt(instance, segments))}).",
            _ => $"{(path.Length == 0 ? "arguments" : path)}: {message}",
        };
    }

    /// <summary>A JSON Pointer's segments as "steps[0].timeout_seconds".</summary>
    private static string PathOf(List<string> segments)
    {
        var path = new StringBuilder();
        foreach (var segment in segments)
        {
            if (segment.Length > 0 && segment.All(char.IsAsciiDigit)) { path.Append('[').Append(segment).Append(']'); }
            else { path.Append(path.Length == 0 ? "" : ".").Append(segment); }
        }
        return path.ToString();
    }

    private static string Prefix(string path) => path.Length == 0 ? "" : path + ".";

    private static JsonElement ValueAt(JsonElement root, List<string> segments)
    {
        foreach (var segment in segments)
        {
            root = root.ValueKind == JsonValueKind.Array ? root[int.Parse(segment, System.Globalization.CultureInfo.InvariantCulture)] : root.GetProperty(segment);
        }
        return root;
    }

    private static string Article(string type) => type switch
    {
        "integer" or "array" or "object" => "an " + type,
        "null" => "null",
        _ => "a " + type,
    };

    private static string Describe(JsonElement value) => value.ValueKind switch
    {
        JsonValueKind.String => $"the string \"{Truncate(value.GetString()!)}\"",
        JsonValueKind.Number => $"the number {value.GetRawText()}",
        JsonValueKind.True or JsonValueKind.False => $"the boolean {value.GetRawText()}",
        JsonValueKind.Array => "an array",
        JsonValueKind.Object => "an object",
        _ => "null",
    };

    private static string Truncate(string s) => s.Length <= 40 ? s : s[..40] + "…";

    /// <summary>A tool's schema, built once, and whether no arguments at all pass it (a call without arguments then skips
    /// the evaluation).</summary>
    private sealed class Checker(JsonSchema schema)
    {
        public JsonSchema Schema { get; } = schema;

        public bool EmptyIsValid { get; } = schema.Evaluate(JsonSerializer.SerializeToElement(new Dictionary<string, JsonElement>()), s_flag).IsValid;
    }
}
