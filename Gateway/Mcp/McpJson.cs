using System.Text.Json;
using ModelContextProtocol;

namespace Rayswarm.Gateway;

/// <summary>The JSON conventions of MCP tool results: the SDK's settings with the gateway's snake_case names.</summary>
internal static class McpJson
{
    public static readonly JsonSerializerOptions Options = new(McpJsonUtilities.DefaultOptions)
    {
        PropertyNamingPolicy = JsonNamingPolicy.SnakeCaseLower,
        DictionaryKeyPolicy = null,
        // Nullable fields are written as null, as the HTTP API does and as the tools' output schemas require.
        DefaultIgnoreCondition = System.Text.Json.Serialization.JsonIgnoreCondition.Never,
    };
}
