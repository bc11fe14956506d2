using System.Security.Claims;

namespace Rayswarm.Gateway;

/// <summary>
/// Names the caller for the package's session binding: a 2025-11-25 session belongs to the user who initialized it,
/// whom the package recognizes by a <see cref="ClaimTypes.NameIdentifier"/> (or <c>sub</c>, UPN) claim, and it refuses
/// sessions to an authenticated user without one (403). ApiKeyMiddleware names the API key (<see cref="ClaimTypes.Name"/>,
/// "keyless" without keys); that name becomes the identifier, so a session started with one key cannot be used with another.
/// </summary>
internal sealed class McpSessionUser : IEndpointFilter
{
    public ValueTask<object?> InvokeAsync(EndpointFilterInvocationContext context, EndpointFilterDelegate next)
    {
        var user = context.HttpContext.User;
        if (user.Identity is ClaimsIdentity { IsAuthenticated: true, Name: { } name } identity && !user.HasClaim(c => c.Type == ClaimTypes.NameIdentifier))
        {
            context.HttpContext.User = new ClaimsPrincipal(new ClaimsIdentity(
                identity.Claims.Append(new Claim(ClaimTypes.NameIdentifier, name)), identity.AuthenticationType, identity.NameClaimType, identity.RoleClaimType));
        }
        return next(context);
    }
}
