namespace Rayswarm.Runtime.Core;

/// <summary>Which cluster a silo or client belongs to and how it proves it. Configuration section <c>Rayswarm:Cluster</c>.</summary>
public sealed class ClusterOptions
{
    /// <summary>The cluster's id; silos and clients of different ids never talk. Default "dev".</summary>
    public string ClusterId { get; set; } = "dev";

    /// <summary>The shared secret every silo and client proves knowledge of in the connection handshake
    /// (HMAC-SHA256, never sent). Required for any address off loopback.</summary>
    public string? Secret { get; set; }
}
