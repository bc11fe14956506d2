using Microsoft.Extensions.DependencyInjection;
using Rayswarm.Grains.Interfaces;

namespace Rayswarm.Grains;

/// <summary>The shared memory's entry point. A stateless worker, so never a hot spot: contributions, searches, pages and
/// totals go straight to the knowledge store (the database does the work); verify and apply go to the contribution's grain.</summary>
[StatelessWorker]
[GrainType("shared-memory")]
public sealed class SharedMemoryGrain(IKnowledgeStore? store = null, [FromKeyedServices(DomainClock.Key)] TimeProvider? time = null) : Grain, ISharedMemoryGrain
{
    private readonly IKnowledgeStore _store = store ?? UnconfiguredKnowledgeStore.Instance;
    private readonly TimeProvider _time = time ?? TimeProvider.System;

    public async Task<Contribution> Contribute(ContributeRequest request)
    {
        ArgumentNullException.ThrowIfNull(request, "request");
        request.Validate();
        // Version 7: time-ordered, so new ids append to the primary key's index.
        return await ContributeAsync(this, _store, _time, request, Guid.CreateVersion7().ToString("N"), idempotent: false);
    }

    /// <summary>Stores and announces a new contribution with the id <paramref name="contributionId"/> (the request is
    /// valid), recording the caller as its contributor and opening its review when its domain's settings ask for one
    /// (<see cref="MemoryReviewOptions"/>). When <paramref name="idempotent"/>, a contribution already stored under that id is
    /// returned instead (a re-run of the same workflow step, or a retry after its answer was lost), and the announcement has
    /// an id derived from the contribution's, so a re-run announces it if the first run died before that, and never twice.
    /// It starts at <paramref name="confidence"/> (clamped, <see cref="MemoryConfidence.ClampPrior"/>), the prior of its later
    /// evidence. A correction (<paramref name="corrects"/>, by the expert <paramref name="correctedBy"/>) supersedes that
    /// contribution: it starts at <see cref="MemoryConfidence.Corrected"/> and is not reviewed again.</summary>
    internal static async Task<Contribution> ContributeAsync(Grain grain, IKnowledgeStore store, TimeProvider time, ContributeRequest request,
        string contributionId, bool idempotent, double confidence = MemoryConfidence.Initial, Contribution? corrects = null, string? correctedBy = null)
    {
        var now = MemoryClock.Now(time);
        if (idempotent && await store.GetAsync(contributionId) is { } existing)
        {
            await AnnouncedAsync(grain, existing, idempotent, now);
            return existing;
        }
        var contribution = new Contribution(contributionId, request.DomainId, request.ContributionType,
            request.Content.Clone(), MemoryConfidence.ClampPrior(confidence), 0, 0, [], [], 0, 0, 0, now, now, ContributedBy: Caller.Name);
        if (corrects is not null)
        {
            contribution = contribution with
            {
                ContributedBy = correctedBy, Supersedes = corrects.ContributionId, ExpertAccepts = 1, Confidence = MemoryConfidence.Corrected,
            };
        }
        else if (grain.Options().ReviewsNew(request.DomainId))
        {
            contribution = contribution with { ReviewStatus = ReviewStatus.Pending };
        }
        try
        {
            await store.AddAsync(contribution);
        }
        catch when (idempotent)
        {
            // A concurrent re-run may have stored it first (the id is unique); otherwise the failure stands.
            var stored = await store.GetAsync(contributionId);
            if (stored is null) { throw; }
            await AnnouncedAsync(grain, stored, idempotent, now);
            return stored;
        }
        grain.GrainContext.ActivationServices.GetService<RayswarmMetrics>()?.ContributionStored(contribution.DomainId);
        await AnnouncedAsync(grain, contribution, idempotent, now);
        return contribution;
    }

    /// <summary>Announces the contribution and, if it waits for review, opens the review (both idempotent: a re-run repairs
    /// what a first run that died did not finish).</summary>
    private static async Task AnnouncedAsync(Grain grain, Contribution contribution, bool idempotent, DateTimeOffset now)
    {
        await AnnounceContributedAsync(grain, contribution, idempotent);
        if (contribution.ReviewStatus == ReviewStatus.Pending) { await ContributionReviews.OpenAsync(grain, contribution, now); }
    }

    private static Task AnnounceContributedAsync(Grain grain, Contribution contribution, bool idempotent) => idempotent
        ? grain.AnnounceOnceAsync(MemoryEvents.Contributed, contribution.DomainId, contribution, $"{MemoryEvents.Contributed}.{contribution.ContributionId}")
        : grain.AnnounceAsync(MemoryEvents.Contributed, contribution.DomainId, contribution);

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

    public async Task<bool> Retract(string contributionId, RetractRequest request)
    {
        MemoryValidation.ValidateContributionId(contributionId);
        ArgumentNullException.ThrowIfNull(request, "request");
        request.Validate();
        return await Contribution(contributionId).Retract(request);
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

    public Task<ConfidenceDistribution> GetConfidenceDistribution() => _store.GetConfidenceDistributionAsync();

    private IContributionGrain Contribution(string contributionId) => GrainFactory.GetGrain<IContributionGrain>(contributionId);
}
