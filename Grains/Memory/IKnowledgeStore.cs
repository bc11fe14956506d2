using Rayswarm.Grains.Interfaces;

namespace Rayswarm.Grains;

/// <summary>
/// Where the shared memory keeps contributions, their verifications and applications; the one copy of them. Full-text
/// search is done by the database. Writes to one contribution come from its <see cref="IContributionGrain"/> only, one
/// at a time; the store keeps each write atomic.
/// </summary>
public interface IKnowledgeStore
{
    /// <summary>Stores a new contribution.</summary>
    Task AddAsync(Contribution contribution, CancellationToken cancellationToken = default);

    /// <summary>The contribution with this id, or null.</summary>
    Task<Contribution?> GetAsync(string contributionId, CancellationToken cancellationToken = default);

    /// <summary>Records <paramref name="verifierDomainId"/>'s verification (at <c>updated.UpdatedAt</c>, by <paramref name="principal"/>
    /// when known) and stores the contribution's new counters, confidence and review fields, atomically. False, writing nothing,
    /// when that domain verified it before.</summary>
    Task<bool> AddVerificationAsync(Contribution updated, string verifierDomainId, bool valid, string? notes, string? principal = null,
        CancellationToken cancellationToken = default);

    /// <summary>Stores the contribution's counters, confidence and review fields (review status, superseded by, expert accepts)
    /// as <paramref name="updated"/> has them. <see cref="KeyNotFoundException"/> when it does not exist.</summary>
    Task UpdateAsync(Contribution updated, CancellationToken cancellationToken = default);

    /// <summary>Records an application (at <c>updated.UpdatedAt</c>) and stores the contribution's new counters and confidence, atomically.</summary>
    Task AddApplicationAsync(Contribution updated, string domainId, string outcome, string? notes, CancellationToken cancellationToken = default);

    /// <summary>Deletes the contribution with this id, its search row, verifications and applications, atomically. False,
    /// deleting nothing, when there is no such contribution (so retracting twice is harmless).</summary>
    Task<bool> DeleteAsync(string contributionId, CancellationToken cancellationToken = default);

    /// <summary>Searches (see <see cref="MemoryQuery"/>; the query is valid), ordered by descending score, then newest first.</summary>
    Task<IReadOnlyList<MemoryMatch>> QueryAsync(MemoryQuery query, CancellationToken cancellationToken = default);

    /// <summary>A page of the domain's contributions, newest first.</summary>
    Task<ContributionPage> GetByDomainAsync(string domainId, int offset, int limit, CancellationToken cancellationToken = default);

    /// <summary>The domains with the most contributions (ties by id).</summary>
    Task<IReadOnlyList<TopContributor>> GetTopContributorsAsync(int limit, CancellationToken cancellationToken = default);

    /// <summary>Totals over every contribution.</summary>
    Task<MemoryStats> GetStatsAsync(CancellationToken cancellationToken = default);

    /// <summary>The number of contributions per confidence bucket (<see cref="ConfidenceDistribution"/>).</summary>
    Task<ConfidenceDistribution> GetConfidenceDistributionAsync(CancellationToken cancellationToken = default);
}
