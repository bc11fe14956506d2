namespace Rayswarm.Runtime.Core;

/// <summary>Membership probes carried by the router's ping messages.</summary>
internal sealed class RouterProber : ISiloProber
{
    public ClusterRouter? Router { get; set; }

    public Task<bool> ProbeAsync(SiloAddress target, TimeSpan timeout, CancellationToken cancellationToken) =>
        Router!.ProbeAsync(target, timeout);

    public Task<bool> ProbeIndirectlyAsync(SiloAddress intermediary, SiloAddress target, TimeSpan timeout, CancellationToken cancellationToken) =>
        Router!.ProbeIndirectlyAsync(intermediary, target, timeout);
}
