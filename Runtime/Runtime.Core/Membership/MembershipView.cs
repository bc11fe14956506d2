namespace Rayswarm.Runtime.Core;

/// <summary>One snapshot with the lookups a silo makes on every call (built once per snapshot).</summary>
internal sealed class MembershipView
{
    private readonly Dictionary<SiloAddress, SiloStatus> _statuses;

    public MembershipView(MembershipSnapshot snapshot)
    {
        Snapshot = snapshot;
        Active = snapshot.Active.ToArray();
        _statuses = snapshot.Entries.ToDictionary(e => e.Silo, e => e.Status);
    }

    public MembershipSnapshot Snapshot { get; }

    public IReadOnlyList<SiloAddress> Active { get; }

    /// <summary>Dead if its row says so, or if a later generation of the same endpoint has a row (it was restarted).</summary>
    public bool IsDead(SiloAddress silo) =>
        _statuses.TryGetValue(silo, out var status)
            ? status == SiloStatus.Dead
            : Snapshot.Entries.Any(e => e.Silo.Port == silo.Port && e.Silo.Generation > silo.Generation
                && string.Equals(e.Silo.Host, silo.Host, StringComparison.Ordinal));
}
