namespace Rayswarm.Gateway;

/// <summary>The API key scopes. <c>read</c>: GET routes; <c>write</c>: POST routes (and read); <c>admin</c>: everything.</summary>
public static class Scopes
{
    /// <summary>Read the registry, events, memory and workflows.</summary>
    public const string Read = "read";

    /// <summary>Register, publish, contribute, create and run workflows.</summary>
    public const string Write = "write";

    /// <summary>Everything.</summary>
    public const string Admin = "admin";

    /// <summary>The claim type that carries a request's scopes on <c>HttpContext.User</c>.</summary>
    public const string ClaimType = "scope";

    /// <summary>Every scope.</summary>
    public static readonly IReadOnlySet<string> All = new HashSet<string>(StringComparer.Ordinal) { Read, Write, Admin };

    /// <summary>Whether holding <paramref name="held"/> grants <paramref name="wanted"/>.</summary>
    public static bool Implies(string held, string wanted) => held == wanted || held == Admin || (held == Write && wanted == Read);
}
