namespace Rayswarm.Runtime.Core;

/// <summary>The routing view of the cluster, read from the membership service.</summary>
internal sealed class MembershipClusterView(MembershipService membership) : IClusterView
{
    public SiloAddress Local => membership.Silo;

    public bool IsDead(SiloAddress silo) => membership.IsDead(silo);

    public IReadOnlyList<SiloAddress> PlacementCandidates => membership.ActiveSilos;
}
