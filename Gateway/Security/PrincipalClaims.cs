using System.Runtime.CompilerServices;
using System.Security.Claims;
using Rayswarm.Grains.Interfaces;

namespace Rayswarm.Gateway;

/// <summary>The <see cref="Principal"/> of a request's <see cref="ClaimsPrincipal"/> (ApiKeyRing makes them).</summary>
internal static class PrincipalClaims
{
    // ApiKeyRing makes one ClaimsPrincipal per key and every request of the key carries it: read its claims once.
    private static readonly ConditionalWeakTable<ClaimsPrincipal, Principal> s_read = [];

    /// <summary>The principal <paramref name="user"/> stands for; <see cref="Principal.Local"/> for a user without a name
    /// (stdio MCP, which is local by construction).</summary>
    public static Principal From(ClaimsPrincipal? user) =>
        user?.Identity is { IsAuthenticated: true, Name: not null }
            ? s_read.GetValue(user, static u => new Principal(u.Identity!.Name!, [.. u.FindAll(ClaimTypes.Role).Select(c => c.Value)]))
            : Principal.Local;
}
