using System.Security.Claims;

namespace Rayswarm.Gateway;

/// <summary>
/// The API key scopes (<see cref="Scopes"/>) as MCP tools need them. Every tool call passes <see cref="EnsureAllowed"/> —
/// the ONE place where MCP checks scopes. The HTTP endpoint itself needs only <c>read</c> (ApiKeyMiddleware); each tool
/// then needs its own scope.
/// </summary>
public static class McpScopes
{
    /// <summary>Queries.</summary>
    public const string Read = Scopes.Read;

    /// <summary>Changes (register, publish, run).</summary>
    public const string Write = Scopes.Write;

    /// <summary>Administration.</summary>
    public const string Admin = Scopes.Admin;

    /// <summary>
    /// Throws <see cref="UnauthorizedAccessException"/> unless <paramref name="user"/> may use a tool needing
    /// <paramref name="required"/>. Over HTTP every caller carries the scopes of its API key (all scopes when the gateway
    /// runs keyless on loopback); stdio callers have no user and are local.
    /// </summary>
    public static void EnsureAllowed(ClaimsPrincipal? user, string required, string toolName)
    {
        if (user?.Identity?.IsAuthenticated != true) { return; }
        var granted = user.FindAll(Scopes.ClaimType).SelectMany(c => c.Value.Split(' ', StringSplitOptions.RemoveEmptyEntries));
        if (!granted.Any(scope => Scopes.Implies(scope, required)))
        {
            throw new UnauthorizedAccessException($"The tool '{toolName}' needs the '{required}' scope.");
        }
    }
}
