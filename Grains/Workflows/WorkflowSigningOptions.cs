namespace Rayswarm.Grains;

/// <summary>
/// Where the key that signs workflow audit heads comes from. Every silo of a cluster must end up with the same key,
/// and it must survive restarts, or proofs stop verifying. The first setting given wins:
/// <see cref="KeyPem"/>, then <see cref="ClusterSecret"/> (the key is derived from it), then <see cref="KeyFile"/>
/// (created on first start). With none, a random key lives as long as the process (tests only).
/// </summary>
public sealed class WorkflowSigningOptions
{
    /// <summary>An ECDSA P-256 private key in PEM (PKCS#8 or SEC1).</summary>
    public string? KeyPem { get; set; }

    /// <summary>The cluster's shared secret; the private key is HKDF-SHA256 of it, so every silo derives the same key.</summary>
    public string? ClusterSecret { get; set; }

    /// <summary>A PEM file holding the private key; created (mode 600) when missing. The embedded gateway uses
    /// <c>{data-dir}/signing-key.pem</c>.</summary>
    public string? KeyFile { get; set; }
}
