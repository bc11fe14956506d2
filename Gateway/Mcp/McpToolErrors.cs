using ModelContextProtocol;
using ModelContextProtocol.Protocol;
using Rayswarm.Grains.Interfaces;

namespace Rayswarm.Gateway;

/// <summary>Turns the errors the grains throw (the same ones the HTTP API maps to 400/403/404/409) into tool errors
/// with their message, so an agent reads why a call failed and can correct it; and a cluster that cannot answer right now
/// (<see cref="TransientFailures"/>, 503 over HTTP) into a tool error that says so and when to call again. Anything else
/// is left to the SDK, which reports an internal error.</summary>
internal static class McpToolErrors
{
    /// <summary>How the text of a transient failure's tool error starts, so that an agent can tell it to retry.</summary>
    public const string RetryPrefix = "Temporarily unavailable, retry: ";

    public static string? MessageOf(Exception e) => e switch
    {
        ArgumentException or KeyNotFoundException or ConflictException or ForbiddenException or UnauthorizedAccessException or FormatException => e.Message,
        McpProtocolException => null,
        McpException => e.Message,
        _ when TransientFailures.IsTransient(e) => RetryPrefix + ClusterUnavailability.Describe(e),
        _ => null,
    };

    public static CallToolResult Result(string message) => new()
    {
        IsError = true,
        Content = [new TextContentBlock { Text = message }],
    };
}
