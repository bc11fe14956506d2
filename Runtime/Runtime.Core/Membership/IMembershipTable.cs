namespace Rayswarm.Runtime.Core;

/// <summary>
/// The cluster's membership table: one row per silo plus a version row. Every write is a compare-and-swap on the
/// version: it succeeds only if the table is still at <c>expectedVersion</c>, and then bumps the version by one,
/// so concurrent writers (silos voting each other dead) never lose an update.
/// </summary>
public interface IMembershipTable
{
    /// <summary>Creates the schema and the version row for <c>clusterId</c> if missing (idempotent, safe to race).</summary>
    Task InitializeAsync(CancellationToken cancellationToken);

    /// <summary>All rows and the version.</summary>
    Task<MembershipSnapshot> ReadAllAsync(CancellationToken cancellationToken);

    /// <summary>Inserts a new row if the version is still <paramref name="expectedVersion"/> and no row for the silo exists.</summary>
    Task<bool> TryInsertAsync(MembershipEntry entry, long expectedVersion, CancellationToken cancellationToken);

    /// <summary>Replaces a silo's row (status, suspicions) if the version is still <paramref name="expectedVersion"/>.</summary>
    Task<bool> TryUpdateAsync(MembershipEntry entry, long expectedVersion, CancellationToken cancellationToken);

    /// <summary>Sets a silo's I-am-alive time. Not versioned: it is written often and only by the silo itself.</summary>
    Task UpdateIAmAliveAsync(SiloAddress silo, DateTimeOffset at, CancellationToken cancellationToken);

    /// <summary>Deletes Dead rows older than <paramref name="before"/> (housekeeping). Bumps the version.</summary>
    Task CleanupDeadAsync(DateTimeOffset before, CancellationToken cancellationToken);
}
