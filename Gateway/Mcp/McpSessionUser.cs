using System.Runtime.CompilerServices;
using System.Security.Claims;

namespace Rayswarm.Gateway;

/// <summary>
/// Names the caller for the package's session binding: a 2025-11-25 session belongs to the user who initialized it,
/// whom the package recognizes by a <see cref="ClaimTypes.NameIdentifier"/> (or <c>sub</c>, UPN) claim, and it refuses
/// sessions to an authenticated user without one (403). ApiKeyMiddleware names the key's principal (<see cref="ClaimTypes.Name"/>,
/// "local" without keys); that name becomes the identifier, so a session started by one principal cannot be used by another.
/// </summary>
internal sealed class McpSessionUser(RequestDelegate next)
{
    // ApiKeyMiddleware keeps one principal per key, so each is named once.
    private readonly ConditionalWeakTable<ClaimsPrincipal, ClaimsPrincipal> _named = [];

    public Task InvokeAsync(HttpContext context)
    {
        var user = context.User;
        if (user.Identity is ClaimsIdentity { IsAuthenticated: true, Name: not null } && !user.HasClaim(c => c.Type == ClaimTypes.NameIdentifier))
        {
            context.User = _named.GetValue(user, Named);
        }
        return next(context);
    }

    private static ClaimsPrincipal Named(ClaimsPrincipal user)
    {
        var identity = (ClaimsIdentity)user.Identity!;
        return new ClaimsPrincipal(new ClaimsIdentity(
            identity.Claims.Append(new Claim(ClaimTypes.NameIdentifier, identity.Name!)), identity.AuthenticationType, identity.NameClaimType, identity.RoleClaimType));
    }
}
