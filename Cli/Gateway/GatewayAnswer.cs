using System.Text.Json;

namespace Rayswarm.Cli;

/// <summary>A successful answer of the gateway: its status (200, 202, …) and JSON body (undefined when empty).</summary>
internal readonly record struct GatewayAnswer(int Status, JsonElement Body);
