using Microsoft.Extensions.DependencyInjection;
using Rayswarm.Grains.Interfaces;

namespace Rayswarm.Grains;

/// <summary>One contribution. Being one activation, it applies verifications and applications one at a time, so each
/// recomputes the confidence from the latest counts; the knowledge store holds the contribution (this grain caches it).</summary>
[GrainType("contribution")]
public sealed partial class ContributionGrain(IKnowledgeStore? store = null, [FromKeyedServices(DomainClock.Key)] TimeProvider? time = null) : Grain, IContributionGrain
{
    private readonly IKnowledgeStore _store = store ?? UnconfiguredKnowledgeStore.Instance;
    private readonly TimeProvider _time = time ?? TimeProvider.System;
    private Contribution? _current;
    private bool _reviewChecked;

    private string ContributionId => this.GetPrimaryKeyString();

    public Task<Contribution> Get() => LoadAsync();

    public async Task<Contribution> Verify(VerifyRequest request)
    {
        ArgumentNullException.ThrowIfNull(request, "request");
        request.Validate();
        Caller.EnsureMayActFor(request.DomainId, "verify"); // else any key could raise confidence under a made-up domain id
        var current = await LoadAsync();
        var verifier = request.DomainId;
        if (verifier == current.DomainId)
        {
            throw new ConflictException($"Domain '{verifier}' contributed '{ContributionId}' and cannot verify it.");
        }
        if (current.VerifiedBy.Contains(verifier) || current.RejectedBy.Contains(verifier))
        {
            throw AlreadyVerified(verifier);
        }
        var valid = request.Valid ?? true;
        var updated = ReviewedIfLow(WithConfidence(valid
            ? current with { Verifications = current.Verifications + 1, VerifiedBy = [.. current.VerifiedBy, verifier], UpdatedAt = Now() }
            : current with { Rejections = current.Rejections + 1, RejectedBy = [.. current.RejectedBy, verifier], UpdatedAt = Now() }, current));
        _current = null; // until the write is known to have happened
        if (!await _store.AddVerificationAsync(updated, verifier, valid, request.Notes, Caller.Name))
        {
            throw AlreadyVerified(verifier);
        }
        _current = updated;
        await this.AnnounceAsync(MemoryEvents.Verified, verifier, updated, ("verifier_domain", verifier), ("valid", valid), ("principal", Caller.Name));
        await OpenReviewIfNewAsync(current, updated);
        return updated;
    }

    public async Task<Contribution> Apply(ApplyRequest request)
    {
        ArgumentNullException.ThrowIfNull(request, "request");
        request.Validate();
        var current = await LoadAsync();
        var updated = ReviewedIfLow(WithConfidence(current with
        {
            Applications = current.Applications + 1,
            Successes = current.Successes + (request.Succeeded ? 1 : 0),
            Failures = current.Failures + (request.Succeeded ? 0 : 1),
            UpdatedAt = Now(),
        }, current));
        _current = null;
        await _store.AddApplicationAsync(updated, request.DomainId, request.Result!, request.Notes);
        _current = updated;
        await this.AnnounceAsync(MemoryEvents.Applied, request.DomainId, updated, ("applied_by", request.DomainId), ("outcome", request.Result));
        await OpenReviewIfNewAsync(current, updated);
        return updated;
    }

    public async Task<bool> Retract(RetractRequest request)
    {
        ArgumentNullException.ThrowIfNull(request, "request");
        request.Validate();
        // A retraction named after a domain is that domain's act (memory.retracted names it); compensations name none.
        if (request.DomainId is not null) { Caller.EnsureMayActFor(request.DomainId, "retract"); }
        var current = _current ?? await _store.GetAsync(ContributionId);
        _current = null;
        if (current is null || !await _store.DeleteAsync(ContributionId)) { return false; }
        await this.AnnounceAsync(MemoryEvents.Retracted, request.DomainId ?? current.DomainId, current, ("reason", request.Reason));
        return true;
    }

    private async Task<Contribution> LoadAsync()
    {
        if (_current is { } cached) { return cached; }
        var loaded = await _store.GetAsync(ContributionId) ?? throw NotFound();
        _current = loaded;
        if (loaded.ReviewStatus == ReviewStatus.Pending && !_reviewChecked)
        {
            // Finishes what a silo that died between storing and reviewing left: the review opened, the decision carried out.
            _reviewChecked = true;
            var review = await this.ReviewStore().GetAsync(ContributionReviews.ReviewIdOf(ContributionId));
            if (review is null) { await ContributionReviews.OpenAsync(this, loaded, Now()); }
            else if (review.Status != ReviewStatus.Pending) { await CarryOutAsync(loaded, review); }
        }
        return _current ?? throw NotFound();
    }

    private KeyNotFoundException NotFound() => new($"Contribution '{ContributionId}' does not exist.");

    /// <summary>Marks <paramref name="c"/> for review when its confidence fell below the threshold and it was never reviewed.</summary>
    private Contribution ReviewedIfLow(Contribution c) =>
        c.ReviewStatus is null && c.SupersededBy is null && this.Options().ReviewsBelow(c.Confidence) ? c with { ReviewStatus = ReviewStatus.Pending } : c;

    private async Task OpenReviewIfNewAsync(Contribution before, Contribution after)
    {
        if (before.ReviewStatus is null && after.ReviewStatus == ReviewStatus.Pending) { await ContributionReviews.OpenAsync(this, after, after.UpdatedAt); }
    }

    private ConflictException AlreadyVerified(string verifier) =>
        new($"Domain '{verifier}' has already verified contribution '{ContributionId}'.");

    // The contribution's own starting confidence (0.5, an event's, or a correction's) stays the prior: it is recovered from
    // the row before the change.
    private static Contribution WithConfidence(Contribution c, Contribution current) => c with { Confidence = MemoryConfidence.Of(c, current) };

    /// <summary>Whole milliseconds, which every store keeps exactly.</summary>
    private DateTimeOffset Now() => MemoryClock.Now(_time);
}
