using Rayswarm.Runtime.Abstractions;

namespace Rayswarm.Runtime.Core;

/// <summary>
/// The cluster-wide, strongly consistent grain directory: at most one row per grain id (a unique key). An
/// activation may serve requests only after its row was written; callers' location caches are hints.
/// </summary>
public interface IGrainDirectory
{
    /// <summary>Creates the schema if missing (idempotent).</summary>
    Task InitializeAsync(CancellationToken cancellationToken);

    /// <summary>The registered activation of a grain, or null.</summary>
    Task<GrainAddress?> LookupAsync(GrainId grainId, CancellationToken cancellationToken);

    /// <summary>
    /// Registers <paramref name="address"/> if the grain has no row, or if its row is exactly <paramref name="replace"/>
    /// (used to take over from a dead silo). Returns the row that holds afterwards: <paramref name="address"/> if it won,
    /// else the existing owner.
    /// </summary>
    Task<GrainAddress> RegisterAsync(GrainAddress address, GrainAddress? replace, CancellationToken cancellationToken);

    /// <summary>Removes the row if it is still exactly <paramref name="address"/>.</summary>
    Task UnregisterAsync(GrainAddress address, CancellationToken cancellationToken);

    /// <summary>Removes every row of a silo (it died or finished shutting down). Returns how many.</summary>
    Task<int> UnregisterSiloAsync(SiloAddress silo, CancellationToken cancellationToken);
}
