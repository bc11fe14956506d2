using System.Text.Json;

namespace Rayswarm.Domains.Documents;

/// <summary>
/// An action's arguments: the <c>data</c> object of its input (a workflow step passes <c>{"data": {…}, "workflow_id", …}</c>,
/// and MCP tool calls pass their arguments the same way), read as <typeparamref name="T"/> with snake_case names. An
/// unknown field or a wrong type throws <see cref="ArgumentException"/> naming the field.
/// </summary>
internal static class ActionArguments<T> where T : class, new()
{
    private static readonly JsonSerializerOptions s_json = new()
    {
        PropertyNamingPolicy = JsonNamingPolicy.SnakeCaseLower,
        UnmappedMemberHandling = System.Text.Json.Serialization.JsonUnmappedMemberHandling.Disallow,
    };

    public static T Read(JsonElement input)
    {
        var data = input.ValueKind == JsonValueKind.Object && input.TryGetProperty("data", out var d) ? d : default;
        if (data.ValueKind is JsonValueKind.Undefined or JsonValueKind.Null) { return new T(); }
        if (data.ValueKind != JsonValueKind.Object)
        {
            throw new ArgumentException($"data must be a JSON object (was {data.ValueKind.ToString().ToLowerInvariant()}).", "data");
        }
        try
        {
            return data.Deserialize<T>(s_json) ?? new T();
        }
        catch (JsonException e)
        {
            var field = e.Path is { Length: > 2 } path ? path[2..] : "data";
            throw new ArgumentException($"{field} is not valid: {e.Message.Split(" Path:")[0]}", field, e);
        }
    }
}
