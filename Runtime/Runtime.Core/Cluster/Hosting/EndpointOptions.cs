namespace Rayswarm.Runtime.Core;

/// <summary>Where a silo listens for silos and clients. Configuration section <c>Rayswarm:Endpoint</c>.</summary>
public sealed class EndpointOptions
{
    /// <summary>The IP address the silo binds and advertises to its peers (on Kubernetes: the pod IP). Default 127.0.0.1.
    /// Anything but loopback requires <see cref="ClusterOptions.Secret"/>.</summary>
    public string AdvertisedHost { get; set; } = "127.0.0.1";

    /// <summary>The TCP port; 0 picks a free one. Default 11111.</summary>
    public int Port { get; set; } = 11111;
}
