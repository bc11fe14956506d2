namespace Rayswarm.Grains.Interfaces;

/// <summary>The roles a principal may hold (docs/gateway.md, Identity):
/// <list type="bullet">
/// <item><c>expert:&lt;domain&gt;</c>: the domain's human expert. Decides the domain's approvals and reviews (unless a step
/// names other approvers), and may act for the domain (verify its knowledge as it).</item>
/// <item><c>agent:&lt;domain&gt;</c>: a program of the domain: may act for it, decides nothing.</item>
/// <item><c>operator</c>: runs the cluster: may act for every domain and sees every review, but decides none unless it is
/// also their expert.</item>
/// </list>
/// <c>*</c> in place of the domain stands for every domain (<c>expert:*</c>).</summary>
public static class PrincipalRoles
{
    /// <summary>The operator role.</summary>
    public const string Operator = "operator";

    /// <summary>How an expert role starts.</summary>
    public const string ExpertPrefix = "expert:";

    /// <summary>How an agent role starts.</summary>
    public const string AgentPrefix = "agent:";

    /// <summary>The domain part that stands for every domain.</summary>
    public const string AnyDomain = "*";

    /// <summary>The expert role of <paramref name="domainId"/>.</summary>
    public static string Expert(string domainId) => ExpertPrefix + domainId;

    /// <summary>The agent role of <paramref name="domainId"/>.</summary>
    public static string Agent(string domainId) => AgentPrefix + domainId;

    /// <summary>Whether holding <paramref name="held"/> grants <paramref name="wanted"/>.</summary>
    public static bool Implies(string held, string wanted)
    {
        if (held == wanted) { return true; }
        foreach (var prefix in (ReadOnlySpan<string>)[ExpertPrefix, AgentPrefix])
        {
            if (held == prefix + AnyDomain && wanted.StartsWith(prefix, StringComparison.Ordinal)) { return true; }
        }
        return false;
    }

    /// <summary>Throws <see cref="ArgumentException"/> naming <paramref name="field"/> unless <paramref name="role"/> is
    /// <c>operator</c>, <c>expert:&lt;domain&gt;</c> or <c>agent:&lt;domain&gt;</c> with a valid domain id or <c>*</c>.</summary>
    public static void Validate(string? role, string field)
    {
        if (role == Operator) { return; }
        foreach (var prefix in (ReadOnlySpan<string>)[ExpertPrefix, AgentPrefix])
        {
            if (role is not null && role.StartsWith(prefix, StringComparison.Ordinal))
            {
                var domain = role[prefix.Length..];
                if (domain == AnyDomain || IsDomainId(domain)) { return; }
            }
        }
        throw new ArgumentException($"{field}: '{role}' is not a role (use operator, expert:<domain>, agent:<domain>, or * for every domain).", field);
    }

    private static bool IsDomainId(string domain)
    {
        try
        {
            DomainRegistration.ValidateDomainId(domain);
            return true;
        }
        catch (ArgumentException)
        {
            return false;
        }
    }
}
