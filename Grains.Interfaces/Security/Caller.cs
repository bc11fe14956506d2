namespace Rayswarm.Grains.Interfaces;

/// <summary>The principal a grain call runs as, carried in Orleans' <see cref="RequestContext"/> (it flows from the gateway
/// through every grain call the request makes). The gateway sets it for each request; calls without one come from inside
/// the cluster (a workflow's own steps, tests) and are not limited by roles.</summary>
public static class Caller
{
    // One immutable value under one key: Orleans copies the request context with every call and every response, and an
    // [Immutable] value is passed on without a copy.
    private const string Key = "rayswarm.principal";

    /// <summary>The principal of the current call, or null inside the cluster.</summary>
    public static Principal? Current => RequestContext.Get(Key) as Principal;

    /// <summary>The name to record for the current call: the principal's, or null inside the cluster.</summary>
    public static string? Name => Current?.Name;

    /// <summary>Makes <paramref name="principal"/> the caller of the grain calls that follow in this async flow.</summary>
    public static void Set(Principal principal)
    {
        ArgumentNullException.ThrowIfNull(principal);
        RequestContext.Set(Key, principal);
    }

    /// <summary>Drops the principal from the calls that follow in this async flow: for fan-outs whose grains do not depend
    /// on the caller (each call and each response would copy it). The caller's own flow keeps it.</summary>
    public static void Clear() => RequestContext.Remove(Key);

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
