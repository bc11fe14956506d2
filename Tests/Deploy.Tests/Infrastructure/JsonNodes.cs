using System.Globalization;
using System.Text.Json.Nodes;

namespace Rayswarm.Deploy.Tests;

/// <summary>Reading JSON nodes of manifests without ceremony.</summary>
public static class JsonNodes
{
    public static JsonNode? At(this JsonNode? node, string path)
    {
        foreach (var part in path.Split('.', StringSplitOptions.RemoveEmptyEntries))
        {
            node = node switch
            {
                JsonObject o => o[part],
                JsonArray a when int.TryParse(part, CultureInfo.InvariantCulture, out var i) && i < a.Count => a[i],
                _ => null,
            };
            if (node is null) { return null; }
        }
        return node;
    }

    public static string? Text(this JsonNode? node, string path) => node.At(path) switch
    {
        JsonValue v => v.ToString(),
        _ => null,
    };

    public static IEnumerable<JsonNode> Items(this JsonNode? node, string path) =>
        node.At(path) is JsonArray a ? a.OfType<JsonNode>() : [];

    public static IEnumerable<KeyValuePair<string, JsonNode?>> Entries(this JsonNode? node, string path) =>
        (path.Length == 0 ? node : node.At(path)) is JsonObject o ? o : [];
}
