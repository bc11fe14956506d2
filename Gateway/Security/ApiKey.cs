namespace Rayswarm.Gateway;

/// <summary>One API key: who holds it, what it may do and how fast.</summary>
public sealed class ApiKey
{
    /// <summary>A name for logs and errors (never the key itself).</summary>
    public string Name { get; set; } = "";

    /// <summary>The secret the client sends in <c>X-Api-Key</c> (or <c>Authorization: Bearer</c>); at least 16 characters.</summary>
    public string Key { get; set; } = "";

    /// <summary>Its scopes: <c>read</c>, <c>write</c>, <c>admin</c> (<see cref="Scopes"/>).</summary>
    public IReadOnlyList<string> Scopes { get; set; } = [Gateway.Scopes.Read];

    /// <summary>The principal the key belongs to ("alice"); default: <see cref="Name"/>. Several keys may name one principal.</summary>
    public string? Principal { get; set; }

    /// <summary>The principal's roles through this key (<see cref="Grains.Interfaces.PrincipalRoles"/>): <c>operator</c>,
    /// <c>expert:&lt;domain&gt;</c>, <c>agent:&lt;domain&gt;</c>. Default: none (old key files keep every scope, but verify as a
    /// domain or decide a review only with a role).</summary>
    public IReadOnlyList<string> Roles { get; set; } = [];

    /// <summary>The principal's name: <see cref="Principal"/>, else <see cref="Name"/>.</summary>
    public string PrincipalName => string.IsNullOrWhiteSpace(Principal) ? Name : Principal;

    /// <summary>Sustained requests per second allowed for this key. Default 100.</summary>
    public double RequestsPerSecond { get; set; } = 100;

    /// <summary>How many requests may arrive at once above the sustained rate. Default 2 × <see cref="RequestsPerSecond"/>.</summary>
    public int? Burst { get; set; }

    /// <summary>Whether the key grants <paramref name="scope"/> (admin grants everything, write grants read).</summary>
    public bool Grants(string scope) => Scopes.Any(s => Gateway.Scopes.Implies(s, scope));

    /// <summary>Throws <see cref="InvalidOperationException"/> naming what is wrong with the key.</summary>
    public void Validate(int index)
    {
        var label = $"API key #{index + 1}{(Name.Length > 0 ? $" ('{Name}')" : "")}";
        if (string.IsNullOrWhiteSpace(Name)) { throw new InvalidOperationException($"{label}: name is required."); }
        if (Key.Length < 16) { throw new InvalidOperationException($"{label}: key must be at least 16 characters."); }
        if (Scopes.Count == 0) { throw new InvalidOperationException($"{label}: scopes must list read, write or admin."); }
        foreach (var scope in Scopes)
        {
            if (!Gateway.Scopes.All.Contains(scope)) { throw new InvalidOperationException($"{label}: unknown scope '{scope}' (use read, write or admin)."); }
        }
        if (Principal is not null && (Principal.Length is 0 or > 100 || Principal.Any(char.IsControl)))
        {
            throw new InvalidOperationException($"{label}: principal must be 1-100 printable characters.");
        }
        foreach (var role in Roles ?? [])
        {
            try
            {
                Grains.Interfaces.PrincipalRoles.Validate(role, "roles");
            }
            catch (ArgumentException e)
            {
                throw new InvalidOperationException($"{label}: {e.Message.Replace(" (Parameter 'roles')", "", StringComparison.Ordinal)}", e);
            }
        }
        if (!(RequestsPerSecond > 0)) { throw new InvalidOperationException($"{label}: requests_per_second must be greater than zero."); }
        if (Burst is < 1) { throw new InvalidOperationException($"{label}: burst must be at least 1."); }
    }
}
