
namespace Rayswarm.Grains.Interfaces;

/// <summary>The shared memory's entry point (a stateless worker, key <see cref="Key"/>): contributions and searches go
/// straight to the knowledge store; verify and apply go to the contribution's <see cref="IContributionGrain"/>.</summary>
[Alias("rayswarm.ISharedMemoryGrain")]
public interface ISharedMemoryGrain : IGrainWithStringKey
{
    /// <summary>The well-known key.</summary>
    const string Key = "memory";

    /// <summary>Default page size of a domain's contributions.</summary>
    const int DefaultPageSize = 20;

    /// <summary>Default number of top contributors.</summary>
    const int DefaultTopContributors = 10;

    /// <summary>Stores a new contribution (confidence <see cref="MemoryConfidence.Initial"/>) and announces it.</summary>
    Task<Contribution> Contribute(ContributeRequest request);

    /// <summary>One contribution; <see cref="KeyNotFoundException"/> when unknown.</summary>
    Task<Contribution> Get(string contributionId);

    /// <summary>Searches the contributions (full text in the database), best first.</summary>
    Task<MemoryQueryResult> Query(MemoryQuery query);

    /// <summary>See <see cref="IContributionGrain.Verify"/>.</summary>
    Task<Contribution> Verify(string contributionId, VerifyRequest request);

    /// <summary>See <see cref="IContributionGrain.Apply"/>.</summary>
    Task<Contribution> Apply(string contributionId, ApplyRequest request);

    /// <summary>See <see cref="IContributionGrain.Retract"/>: true when the contribution existed and is now gone.</summary>
    Task<bool> Retract(string contributionId, RetractRequest request);

    /// <summary>A domain's contributions, newest first; <paramref name="limit"/> 1..<see cref="MemoryQuery.MaxLimit"/>.</summary>
    Task<ContributionPage> GetDomainContributions(string domainId, int offset, int limit);

    /// <summary>The domains with the most contributions; <paramref name="limit"/> 1..<see cref="MemoryQuery.MaxLimit"/>.</summary>
    Task<IReadOnlyList<TopContributor>> GetTopContributors(int limit);

    /// <summary>Totals over the whole shared memory.</summary>
    Task<MemoryStats> GetStats();

    /// <summary>How the contributions' confidences are spread, in buckets of 0.1.</summary>
    Task<ConfidenceDistribution> GetConfidenceDistribution();
}
