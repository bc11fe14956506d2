namespace Rayswarm.Grains.Interfaces;

/// <summary>The principal a grain call runs as, carried in Orleans' <see cref="RequestContext"/> (it flows from the gateway
/// through every grain call the request makes). The gateway sets it for each request; calls without one come from inside
/// the cluster (a workflow's own steps, tests) and are not limited by roles.</summary>
public static class Caller
{
    private const string NameKey = "rayswarm.principal";
    private const string RolesKey = "rayswarm.roles";

    /// <summary>The principal of the current call, or null inside the cluster.</summary>
    public static Principal? Current =>
        RequestContext.Get(NameKey) is string name
            ? new Principal(name, RequestContext.Get(RolesKey) as string[] ?? [])
            : null;

    /// <summary>The name to record for the current call: the principal's, or null inside the cluster.</summary>
    public static string? Name => RequestContext.Get(NameKey) as string;

    /// <summary>Makes <paramref name="principal"/> the caller of the grain calls that follow in this async flow.</summary>
    public static void Set(Principal principal)
    {
        ArgumentNullException.ThrowIfNull(principal);
        RequestContext.Set(NameKey, principal.Name);
        RequestContext.Set(RolesKey, principal.Roles.ToArray());
    }

    /// <summary>Throws <see cref="ForbiddenException"/> unless the caller (if any) may act for <paramref name="domainId"/>.</summary>
    public static void EnsureMayActFor(string domainId, string what)
    {
        if (Current is { } caller && !caller.MayActFor(domainId))
        {
            throw new ForbiddenException(
                $"'{caller.Name}' may not {what} as domain '{domainId}': that needs the role expert:{domainId}, agent:{domainId} or operator.");
        }
    }
}
