using System.Text.Json.Nodes;

namespace Rayswarm.Deploy.Tests;

/// <summary>The chart's values as Helm computes them: values.yaml with a values file merged over it (maps merged key by
/// key, anything else replaced, and a null deleting the key, as <c>helm install -f</c> does).</summary>
public static class HelmValues
{
    public static readonly string Chart = Repository.PathOf("helm", "rayswarm");

    public static JsonObject Defaults() => (JsonObject)Yaml.Load(File.ReadAllText(Path.Combine(Chart, "values.yaml")))!;

    public static JsonObject With(string? valuesFile)
    {
        var values = Defaults();
        if (valuesFile is not null) { Merge(values, (JsonObject)Yaml.Load(File.ReadAllText(valuesFile))!); }
        return values;
    }

    private static void Merge(JsonObject target, JsonObject overrides)
    {
        foreach (var (key, value) in overrides.ToList())
        {
            if (value is null) { target.Remove(key); }
            else if (value is JsonObject map && target[key] is JsonObject existing) { Merge(existing, map); }
            else { target[key] = value.DeepClone(); }
        }
    }

    /// <summary>Helm's truthiness of a value: false for a missing value, false, 0, "" and empty collections.</summary>
    public static bool IsTrue(JsonNode? value) => value switch
    {
        null => false,
        JsonObject o => o.Count > 0,
        JsonArray a => a.Count > 0,
        JsonValue v when v.GetValueKind() == System.Text.Json.JsonValueKind.False => false,
        JsonValue v when v.GetValueKind() == System.Text.Json.JsonValueKind.String => v.GetValue<string>().Length > 0,
        JsonValue v when v.GetValueKind() == System.Text.Json.JsonValueKind.Number => v.GetValue<double>() != 0,
        _ => true,
    };
}
