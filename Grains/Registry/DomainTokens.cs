using System.Security.Cryptography;
using System.Text;

namespace Rayswarm.Grains;

/// <summary>
/// The bearer tokens the cluster sends to endpoint domains. A token is never stored: it is
/// <c>rsd_</c> + base64url(HMAC-SHA256(key, domain_id + "\n" + nonce)), where the nonce is random per registration (kept in
/// the domain's state) and the key is derived from the cluster's signing key (<see cref="WorkflowSigner.DeriveKey"/>). So
/// reading the database does not reveal a token, every silo computes the same one, and registering again (a new nonce)
/// replaces it. Rotating the signing key changes every token: endpoint domains then register again.
/// </summary>
public sealed class DomainTokens(WorkflowSigner signer)
{
    private readonly byte[] _key = signer.DeriveKey("rayswarm domain bearer tokens");

    /// <summary>A fresh nonce for a registration.</summary>
    public static string NewNonce() => Convert.ToHexStringLower(RandomNumberGenerator.GetBytes(16));

    /// <summary>The token of <paramref name="domainId"/> registered with <paramref name="nonce"/>.</summary>
    public string TokenOf(string domainId, string nonce) =>
        "rsd_" + Convert.ToBase64String(HMACSHA256.HashData(_key, Encoding.UTF8.GetBytes(domainId + "\n" + nonce)))
            .TrimEnd('=').Replace('+', '-').Replace('/', '_');
}
