namespace Rayswarm.Runtime.Core;

/// <summary>The whole membership table at one version. Every change of any row bumps the version (compare-and-swap).</summary>
public sealed record MembershipSnapshot(long Version, IReadOnlyList<MembershipEntry> Entries)
{
    /// <summary>The row of a silo, or null.</summary>
    public MembershipEntry? Find(SiloAddress silo) => Entries.FirstOrDefault(e => e.Silo == silo);

    /// <summary>The silos with status Active.</summary>
    public IEnumerable<SiloAddress> Active => Entries.Where(e => e.Status == SiloStatus.Active).Select(e => e.Silo);
}
