using System.Text.Json;

namespace Rayswarm.Gateway;

/// <summary>Checks a call's arguments against the top level of the tool's input schema (required names, JSON types),
/// so a wrong argument is a tool error that names it instead of the SDK's generic "an error occurred".</summary>
internal static class McpArguments
{
    public static string? Problem(JsonElement schema, IDictionary<string, JsonElement>? arguments) =>
        ObjectProblem("", schema, arguments?.Select(a => (a.Key, a.Value)) ?? []);

    /// <summary>The first problem of an object's members against an object schema: a missing required member, then a
    /// member of the wrong type; nested objects and array items are checked the same way ("steps[0].action").</summary>
    private static string? ObjectProblem(string prefix, JsonElement schema, IEnumerable<(string Name, JsonElement Value)> members)
    {
        if (schema.ValueKind != JsonValueKind.Object) { return null; }
        var present = members.ToList();
        if (schema.TryGetProperty("required", out var required) && required.ValueKind == JsonValueKind.Array)
        {
            foreach (var name in required.EnumerateArray().Select(r => r.GetString()).OfType<string>())
            {
                if (!present.Any(m => m.Name == name && m.Value.ValueKind != JsonValueKind.Null))
                {
                    return $"{prefix}{name} is required.";
                }
            }
        }
        if (!schema.TryGetProperty("properties", out var properties) || properties.ValueKind != JsonValueKind.Object) { return null; }
        foreach (var (name, value) in present)
        {
            if (properties.TryGetProperty(name, out var property) && ValueProblem(prefix + name, property, value) is { } problem)
            {
                return problem;
            }
        }
        return null;
    }

    private static string? ValueProblem(string path, JsonElement schema, JsonElement value)
    {
        if (schema.ValueKind != JsonValueKind.Object) { return null; }
        var allowed = AllowedTypes(schema);
        if (allowed.Count > 0 && !allowed.Any(type => Matches(type, value)))
        {
            return $"{path} must be {string.Join(" or ", allowed.Select(Article))} (was {Describe(value)}).";
        }
        if (value.ValueKind == JsonValueKind.Object)
        {
            return ObjectProblem(path + ".", schema, value.EnumerateObject().Select(p => (p.Name, p.Value)));
        }
        if (value.ValueKind == JsonValueKind.Array && schema.TryGetProperty("items", out var items))
        {
            var index = 0;
            foreach (var item in value.EnumerateArray())
            {
                if (ValueProblem($"{path}[{index++}]", items, item) is { } problem) { return problem; }
            }
        }
        return null;
    }

    private static List<string> AllowedTypes(JsonElement property) => property.TryGetProperty("type", out var type)
        ? type.ValueKind switch
        {
            JsonValueKind.String => [type.GetString()!],
            JsonValueKind.Array => [.. type.EnumerateArray().Select(t => t.GetString()).OfType<string>()],
            _ => [],
        }
        : [];

    private static bool Matches(string type, JsonElement value) => type switch
    {
        "string" => value.ValueKind == JsonValueKind.String,
        "integer" => value.ValueKind == JsonValueKind.Number && value.TryGetInt64(out _),
        "number" => value.ValueKind == JsonValueKind.Number,
        "boolean" => value.ValueKind is JsonValueKind.True or JsonValueKind.False,
        "array" => value.ValueKind == JsonValueKind.Array,
        "object" => value.ValueKind == JsonValueKind.Object,
        "null" => value.ValueKind == JsonValueKind.Null,
        _ => true,
    };

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
}
