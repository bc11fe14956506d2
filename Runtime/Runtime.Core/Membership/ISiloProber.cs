namespace Rayswarm.Runtime.Core;

/// <summary>How the membership protocol checks a peer: a direct ping, or a ping relayed by another silo.</summary>
public interface ISiloProber
{
    /// <summary>True if <paramref name="target"/> answered a ping within <paramref name="timeout"/>.</summary>
    Task<bool> ProbeAsync(SiloAddress target, TimeSpan timeout, CancellationToken cancellationToken);

    /// <summary>Asks <paramref name="intermediary"/> to ping <paramref name="target"/>; true if it reports success in time.</summary>
    Task<bool> ProbeIndirectlyAsync(SiloAddress intermediary, SiloAddress target, TimeSpan timeout, CancellationToken cancellationToken);
}
