using Rayswarm.Grains.Interfaces;
using Rayswarm.Runtime.Abstractions;

namespace Rayswarm.Grains;

/// <summary>The shared memory's entry point. A stateless worker, so never a hot spot: contributions, searches, pages and
/// totals go straight to the knowledge store (the database does the work); verify and apply go to the contribution's grain.</summary>
[StatelessWorker]
public sealed class SharedMemoryGrain(IKnowledgeStore? store = null, TimeProvider? time = null) : Grain, ISharedMemoryGrain
{
    private readonly IKnowledgeStore _store = store ?? UnconfiguredKnowledgeStore.Instance;
    private readonly TimeProvider _time = time ?? TimeProvider.System;

    public async Task<Contribution> Contribute(ContributeRequest request)
    {
        ArgumentNullException.ThrowIfNull(request, "request");
        request.Validate();
        var now = MemoryClock.Now(_time);
        // Version 7: time-ordered, so new ids append to the primary key's index.
        var contribution = new Contribution(Guid.CreateVersion7().ToString("N"), request.DomainId, request.ContributionType,
            request.Content.Clone(), MemoryConfidence.Initial, 0, 0, [], [], 0, 0, 0, now, now);
        await _store.AddAsync(contribution);
        await this.AnnounceAsync(MemoryEvents.Contributed, contribution.DomainId, contribution);
        return contribution;
    }

    // Async although they only forward: a validation error must fault the returned task.
    public async Task<Contribution> Get(string contributionId)
    {
        MemoryValidation.ValidateContributionId(contributionId);
        return await Contribution(contributionId).Get();
    }

    public async Task<MemoryQueryResult> Query(MemoryQuery query)
    {
        ArgumentNullException.ThrowIfNull(query, "query");
        query.Validate();
        var results = await _store.QueryAsync(query);
        return new MemoryQueryResult(query.Query ?? "", results.Count, results);
    }

    public async Task<Contribution> Verify(string contributionId, VerifyRequest request)
    {
        MemoryValidation.ValidateContributionId(contributionId);
        return await Contribution(contributionId).Verify(request);
    }

    public async Task<Contribution> Apply(string contributionId, ApplyRequest request)
    {
        MemoryValidation.ValidateContributionId(contributionId);
        return await Contribution(contributionId).Apply(request);
    }

    public async Task<ContributionPage> GetDomainContributions(string domainId, int offset, int limit)
    {
        DomainRegistration.ValidateDomainId(domainId);
        if (offset < 0) { throw new ArgumentException($"offset must not be negative (was {offset}).", nameof(offset)); }
        MemoryValidation.ValidateLimit(limit, MemoryQuery.MaxLimit);
        return await _store.GetByDomainAsync(domainId, offset, limit);
    }

    public async Task<IReadOnlyList<TopContributor>> GetTopContributors(int limit)
    {
        MemoryValidation.ValidateLimit(limit, MemoryQuery.MaxLimit);
        return await _store.GetTopContributorsAsync(limit);
    }

    public Task<MemoryStats> GetStats() => _store.GetStatsAsync();

    private IContributionGrain Contribution(string contributionId) => GrainFactory.GetGrain<IContributionGrain>(contributionId);
}
