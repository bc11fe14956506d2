using System.Text.Json.Nodes;

namespace Rayswarm.Gateway;

/// <summary>HTTP errors of the MCP endpoint: a status with a JSON-RPC error body without an id, as the transport allows.</summary>
internal static class McpHttpErrors
{
    public static IResult Result(int status, int code, string message, JsonNode? data = null)
    {
        var error = new JsonObject { ["code"] = code, ["message"] = message };
        if (data is not null) { error["data"] = data; }
        return Results.Json(new JsonObject { ["jsonrpc"] = "2.0", ["id"] = null, ["error"] = error }, statusCode: status);
    }
}
