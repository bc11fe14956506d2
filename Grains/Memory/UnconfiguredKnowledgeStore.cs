using Rayswarm.Grains.Interfaces;

namespace Rayswarm.Grains;

/// <summary>Stands in when the host chose no knowledge store: every call fails saying how to choose one (no silent in-memory fallback).</summary>
internal sealed class UnconfiguredKnowledgeStore : IKnowledgeStore
{
    public static readonly UnconfiguredKnowledgeStore Instance = new();

    public const string Message =
        "The shared memory has no knowledge store: call AddSqliteKnowledgeStore(path) or AddPostgresKnowledgeStore(connectionString) on the silo's services.";

    public Task AddAsync(Contribution contribution, CancellationToken cancellationToken = default) => Fail<bool>();

    public Task<Contribution?> GetAsync(string contributionId, CancellationToken cancellationToken = default) => Fail<Contribution?>();

    public Task<bool> AddVerificationAsync(Contribution updated, string verifierDomainId, bool valid, string? notes, string? principal = null,
        CancellationToken cancellationToken = default) => Fail<bool>();

    public Task UpdateAsync(Contribution updated, CancellationToken cancellationToken = default) => Fail<bool>();

    public Task AddApplicationAsync(Contribution updated, string domainId, string outcome, string? notes, CancellationToken cancellationToken = default) => Fail<bool>();

    public Task<bool> DeleteAsync(string contributionId, CancellationToken cancellationToken = default) => Fail<bool>();

    public Task<IReadOnlyList<MemoryMatch>> QueryAsync(MemoryQuery query, CancellationToken cancellationToken = default) => Fail<IReadOnlyList<MemoryMatch>>();

    public Task<ContributionPage> GetByDomainAsync(string domainId, int offset, int limit, CancellationToken cancellationToken = default) => Fail<ContributionPage>();

    public Task<IReadOnlyList<TopContributor>> GetTopContributorsAsync(int limit, CancellationToken cancellationToken = default) => Fail<IReadOnlyList<TopContributor>>();

    public Task<MemoryStats> GetStatsAsync(CancellationToken cancellationToken = default) => Fail<MemoryStats>();

    public Task<ConfidenceDistribution> GetConfidenceDistributionAsync(CancellationToken cancellationToken = default) => Fail<ConfidenceDistribution>();

    private static Task<T> Fail<T>() => Task.FromException<T>(new InvalidOperationException(Message));
}
