using System.Security.Claims;
using System.Security.Cryptography;
using System.Text;

namespace Rayswarm.Gateway;

/// <summary>The configured API keys, looked up by what a client presents (a header, or the dashboard's session cookie), with
/// the principal each one stands for: its name (<see cref="ClaimTypes.Name"/>), one <see cref="Scopes.ClaimType"/> claim
/// per scope and one <see cref="ClaimTypes.Role"/> claim per role (<see cref="PrincipalClaims"/>).</summary>
internal sealed class ApiKeyRing(GatewayOptions options)
{
    /// <summary>Who a request is when no keys are configured (loopback only): everything is allowed.</summary>
    public static readonly ClaimsPrincipal Keyless =
        Principal(Grains.Interfaces.Principal.Local.Name, [Scopes.Admin, Scopes.Write, Scopes.Read], Grains.Interfaces.Principal.Local.Roles);

    private readonly Dictionary<string, (ApiKey Key, ClaimsPrincipal User)> _keys = options.ApiKeys.ToDictionary(
        k => Hash(k.Key), k => (k, Principal(k.PrincipalName, k.Scopes, k.Roles)), StringComparer.Ordinal);

    /// <summary>Whether no keys are configured, so every request is served without one.</summary>
    public bool IsEmpty => _keys.Count == 0;

    /// <summary>The key <paramref name="presented"/> is, or null when it is none of them.</summary>
    public (ApiKey Key, ClaimsPrincipal User)? Find(string? presented) =>
        presented is not null && _keys.TryGetValue(Hash(presented), out var entry) ? entry : null;

    // Keys are looked up by their SHA-256 so the comparison does not leak the key's prefix through timing.
    private static string Hash(string key) => Convert.ToHexString(SHA256.HashData(Encoding.UTF8.GetBytes(key)));

    private static ClaimsPrincipal Principal(string name, IEnumerable<string> scopes, IEnumerable<string> roles) =>
        new(new ClaimsIdentity(
            scopes.Select(s => new Claim(Scopes.ClaimType, s))
                .Concat(roles.Distinct(StringComparer.Ordinal).Select(r => new Claim(ClaimTypes.Role, r)))
                .Prepend(new Claim(ClaimTypes.Name, name)),
            authenticationType: "ApiKey"));
}
