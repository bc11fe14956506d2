namespace Rayswarm.Grains.Interfaces;

/// <summary>Who a request runs as: a named principal with roles (docs/gateway.md, Identity). The gateway takes it from the
/// API key and passes it to the grains as the call's <see cref="Caller"/>.</summary>
/// <param name="Name">The principal's name ("alice"; <see cref="Local"/> without keys).</param>
/// <param name="Roles">Its roles (<see cref="PrincipalRoles"/>): <c>operator</c>, <c>expert:&lt;domain&gt;</c>,
/// <c>agent:&lt;domain&gt;</c>; <c>*</c> in place of a domain stands for every domain.</param>
[GenerateSerializer, Immutable, Alias("rayswarm.Principal")]
public sealed record Principal(string Name, IReadOnlyList<string> Roles)
{
    /// <summary>The name of the principal of a gateway without API keys (loopback only).</summary>
    public const string LocalName = "local";

    /// <summary>The principal of a gateway without keys: it holds every role.</summary>
    public static Principal Local { get; } = new(LocalName, [PrincipalRoles.Operator, PrincipalRoles.Expert(PrincipalRoles.AnyDomain)]);

    /// <summary>Whether it holds <paramref name="role"/>, directly or through a wildcard (<c>expert:*</c> holds every <c>expert:x</c>).</summary>
    public bool Holds(string role) => Roles.Any(held => PrincipalRoles.Implies(held, role));

    /// <summary>Whether it may act for <paramref name="domainId"/> (verify as it): <c>expert:</c> or <c>agent:</c> of it, or <c>operator</c>.</summary>
    public bool MayActFor(string domainId) =>
        Holds(PrincipalRoles.Operator) || Holds(PrincipalRoles.Expert(domainId)) || Holds(PrincipalRoles.Agent(domainId));

    /// <summary>Whether it may decide an approval or review whose deciders are <paramref name="approvers"/> (roles).</summary>
    public bool MayDecide(IEnumerable<string> approvers) => approvers.Any(Holds);

    /// <summary>The domains it is an expert of (<c>*</c> for every domain); the review list shows these.</summary>
    public IReadOnlyList<string> ExpertDomains() =>
        [.. Roles.Where(r => r.StartsWith(PrincipalRoles.ExpertPrefix, StringComparison.Ordinal)).Select(r => r[PrincipalRoles.ExpertPrefix.Length..])];
}
