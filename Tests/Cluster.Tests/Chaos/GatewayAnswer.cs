using System.Text.Json;

namespace Rayswarm.Cluster.Tests;

/// <summary>The gateway's answer to one request: its status (0 when there was none: refused, reset, timed out) and JSON body.</summary>
public readonly record struct GatewayAnswer(int Status, JsonElement Body)
{
    public static GatewayAnswer None => new(0, default);

    public bool Ok => Status is >= 200 and < 300;

    /// <summary>The gateway and the cluster behind it served the request (any status below 500, 4xx included).</summary>
    public bool Served => Status is > 0 and < 500;

    public string Text(string property) => Body.GetProperty(property).GetString() ?? throw new JsonException($"{property} is null");
}
