using System.Text.Json;

namespace Rayswarm.Domains.Documents;

/// <summary>An action's output as a JSON value, with snake_case names as the gateway writes them.</summary>
internal static class ActionOutput
{
    private static readonly JsonSerializerOptions s_json = new() { PropertyNamingPolicy = JsonNamingPolicy.SnakeCaseLower };

    public static JsonElement Of<T>(T value) => JsonSerializer.SerializeToElement(value, s_json);
}
