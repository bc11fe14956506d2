using System.Security.Claims;

namespace Rayswarm.Gateway;

/// <summary>
/// The scopes of the gateway's API keys as MCP tools need them: <see cref="Read"/> &lt; <see cref="Write"/> &lt;
/// <see cref="Admin"/> (a higher scope includes the lower ones). Every tool call passes <see cref="EnsureAllowed"/> —
/// the ONE place where MCP checks scopes.
/// </summary>
public static class McpScopes
{
    /// <summary>Queries.</summary>
    public const string Read = "read";

    /// <summary>Changes (register, publish, run).</summary>
    public const string Write = "write";

    /// <summary>Administration.</summary>
    public const string Admin = "admin";

    /// <summary>The claim that carries a caller's scopes (one claim per scope, or one space-separated claim).</summary>
    public const string ClaimType = "scope";

    /// <summary>
    /// Throws <see cref="UnauthorizedAccessException"/> unless <paramref name="user"/> may use a tool needing
    /// <paramref name="required"/>. An unauthenticated caller is allowed while the gateway has no API keys (loopback
    /// only, like the HTTP API); stdio callers have no user and are local. Once an authentication scheme is added, an
    /// authenticated caller needs a <c>scope</c> claim that covers <paramref name="required"/>.
    /// </summary>
    public static void EnsureAllowed(ClaimsPrincipal? user, string required, string toolName)
    {
        if (user?.Identity?.IsAuthenticated != true) { return; }
        var granted = user.FindAll(ClaimType).SelectMany(c => c.Value.Split(' ', StringSplitOptions.RemoveEmptyEntries));
        if (!granted.Any(scope => Rank(scope) >= Rank(required)))
        {
            throw new UnauthorizedAccessException($"The tool '{toolName}' needs the '{required}' scope.");
        }
    }

    private static int Rank(string scope) => scope switch
    {
        Read => 1,
        Write => 2,
        Admin => 3,
        _ => 0,
    };
}
