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
        if (!(RequestsPerSecond > 0)) { throw new InvalidOperationException($"{label}: requests_per_second must be greater than zero."); }
        if (Burst is < 1) { throw new InvalidOperationException($"{label}: burst must be at least 1."); }
    }
}
