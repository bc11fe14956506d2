using System.Security.Claims;
using Rayswarm.Grains.Interfaces;

namespace Rayswarm.Gateway;

/// <summary>The <see cref="Principal"/> of a request's <see cref="ClaimsPrincipal"/> (ApiKeyRing makes them).</summary>
internal static class PrincipalClaims
{
    /// <summary>The principal <paramref name="user"/> stands for; <see cref="Principal.Local"/> for a user without a name
    /// (stdio MCP, which is local by construction).</summary>
    public static Principal From(ClaimsPrincipal? user) =>
        user?.Identity is { IsAuthenticated: true, Name: { } name }
            ? new Principal(name, [.. user.FindAll(ClaimTypes.Role).Select(c => c.Value)])
            : Principal.Local;
}
