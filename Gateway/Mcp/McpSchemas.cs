using System.Text.Json;
using System.Text.Json.Nodes;

namespace Rayswarm.Gateway;

/// <summary>Makes the SDK's generated JSON Schemas readable by every client: a member of any JSON type (a
/// <see cref="JsonElement"/>) is generated as the boolean schema <c>true</c>, which is valid JSON Schema but which the
/// TypeScript SDK refuses inside <c>properties</c> and <c>items</c> (it fails the whole tools/list). It becomes <c>{}</c>,
/// which means the same.</summary>
internal static class McpSchemas
{
    public static JsonElement Normalize(JsonElement schema)
    {
        var node = JsonNode.Parse(schema.GetRawText());
        return Replace(node) ? JsonSerializer.SerializeToElement(node) : schema;
    }

    public static JsonElement? Normalize(JsonElement? schema) => schema is { } s ? Normalize(s) : null;

    private static bool Replace(JsonNode? node)
    {
        if (node is not JsonObject schema) { return false; }
        var changed = false;
        if (schema["properties"] is JsonObject properties)
        {
            foreach (var name in properties.Select(p => p.Key).ToList())
            {
                changed |= ReplaceSubschema(properties, name);
            }
        }
        foreach (var keyword in new[] { "items", "additionalProperties" })
        {
            if (schema[keyword] is JsonObject) { changed |= Replace(schema[keyword]); }
            else if (keyword == "items") { changed |= ReplaceSubschema(schema, keyword); }
        }
        foreach (var keyword in new[] { "anyOf", "oneOf", "allOf" })
        {
            if (schema[keyword] is JsonArray alternatives)
            {
                foreach (var alternative in alternatives) { changed |= Replace(alternative); }
            }
        }
        if (schema["$defs"] is JsonObject definitions)
        {
            foreach (var definition in definitions.Select(d => d.Value).ToList()) { changed |= Replace(definition); }
        }
        return changed;
    }

    private static bool ReplaceSubschema(JsonObject parent, string name)
    {
        if (parent[name] is JsonValue value && value.GetValueKind() == JsonValueKind.True)
        {
            parent[name] = new JsonObject();
            return true;
        }
        return Replace(parent[name]);
    }
}
