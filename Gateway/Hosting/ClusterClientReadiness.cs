using Rayswarm.Grains;

namespace Rayswarm.Gateway;

/// <summary>Cluster mode's part of <c>/readyz</c>: the gateway's Orleans client holds a connection to at least one silo's
/// gateway port (Orleans reports every change of that count).</summary>
internal sealed class ClusterClientReadiness : IReadinessCheck
{
    private int _connectedGateways;

    public void OnGatewayCountChanged(object? sender, GatewayCountChangedEventArgs e)
    {
        ArgumentNullException.ThrowIfNull(e);
        Volatile.Write(ref _connectedGateways, e.NumberOfConnectedGateways);
    }

    public string? WhyNotReady() =>
        Volatile.Read(ref _connectedGateways) > 0 ? null : "The gateway is not connected to any silo of the cluster.";
}
