using ModelContextProtocol;
using ModelContextProtocol.Protocol;
using Rayswarm.Grains.Interfaces;

namespace Rayswarm.Gateway;

/// <summary>Turns the errors the grains throw (the same ones the HTTP API maps to 400/403/404/409) into tool errors
/// with their message, so an agent reads why a call failed and can correct it.</summary>
internal static class McpToolErrors
{
    public static string? MessageOf(Exception e) => e switch
    {
        ArgumentException or KeyNotFoundException or ConflictException or UnauthorizedAccessException or FormatException => e.Message,
        McpProtocolException => null,
        McpException => e.Message,
        TimeoutException => "The cluster did not answer in time: " + e.Message,
        _ => null,
    };

    public static CallToolResult Result(string message) => new()
    {
        IsError = true,
        Content = [new TextContentBlock { Text = message }],
    };
}
