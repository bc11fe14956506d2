namespace Rayswarm.Runtime.Core;

/// <summary>What a <see cref="MembershipService"/> learned when the table's version changed.</summary>
/// <param name="Snapshot">The table at the new version.</param>
/// <param name="NewlyDead">Silos whose row is Dead in <paramref name="Snapshot"/> but was not Dead (or not known) in the
/// snapshot of the previous change event, in table order.</param>
public sealed record MembershipChange(MembershipSnapshot Snapshot, IReadOnlyList<SiloAddress> NewlyDead);
