using Rayswarm.Grains.Interfaces;

namespace Rayswarm.Grains;

/// <summary>Carrying out an expert's decision on the contribution's review (docs/memory.md, Reviews).</summary>
public sealed partial class ContributionGrain
{
    public async Task Reviewed(ReviewInfo decided)
    {
        ArgumentNullException.ThrowIfNull(decided, "decided");
        if (decided.Kind != ReviewKinds.Contribution || decided.SubjectId != ContributionId || decided.Status == ReviewStatus.Pending)
        {
            throw new ArgumentException($"'{decided.ReviewId}' is not a decided review of contribution '{ContributionId}'.", nameof(decided));
        }
        _reviewChecked = true;
        var current = _current ?? await _store.GetAsync(ContributionId);
        if (current is null)
        {
            // Gone: a rejection carried out before (announced again with the same event id, so once), or retracted meanwhile.
            if (decided.Status == ReviewStatus.Rejected) { await this.AnnounceReviewAsync(ReviewEvents.Rejected, decided); }
            return;
        }
        await CarryOutAsync(current, decided);
    }

    /// <summary>Applies <paramref name="decided"/> to <paramref name="current"/>; each step is skipped when it was done before.</summary>
    private async Task CarryOutAsync(Contribution current, ReviewInfo decided)
    {
        switch (decided.Status)
        {
            case ReviewStatus.Approved:
                var accepted = current;
                if (current.ReviewStatus == ReviewStatus.Pending)
                {
                    accepted = WithConfidence(current with { ExpertAccepts = current.ExpertAccepts + 1, ReviewStatus = ReviewStatus.Approved, UpdatedAt = Now() }, current);
                    await StoreAsync(accepted);
                }
                await this.AnnounceReviewAsync(ReviewEvents.Accepted, decided, ("confidence", accepted.Confidence));
                break;
            case ReviewStatus.Rejected:
                var reason = decided.Comment is { Length: > 0 } comment
                    ? comment[..Math.Min(comment.Length, MemoryValidation.MaxNotesLength)]
                    : $"Rejected in review {decided.ReviewId} by {decided.DecidedBy}.";
                await Retract(new RetractRequest(reason));
                await this.AnnounceReviewAsync(ReviewEvents.Rejected, decided);
                break;
            case ReviewStatus.Corrected:
                var request = new ContributeRequest(current.DomainId, current.ContributionType,
                    decided.Correction ?? throw new ArgumentException("A correction needs its content.", nameof(decided)));
                var corrected = await SharedMemoryGrain.ContributeAsync(this, _store, _time, request,
                    decided.ResultId ?? throw new ArgumentException("A correction needs its result id.", nameof(decided)),
                    idempotent: true, corrects: current, correctedBy: decided.DecidedBy);
                if (current.SupersededBy is null)
                {
                    await StoreAsync(current with { ReviewStatus = ReviewStatus.Corrected, SupersededBy = corrected.ContributionId, UpdatedAt = Now() });
                }
                await this.AnnounceReviewAsync(ReviewEvents.Corrected, decided, ("new_contribution_id", corrected.ContributionId),
                    ("confidence", corrected.Confidence));
                break;
            default:
                throw new ArgumentException($"A contribution's review is approved, corrected or rejected (was {decided.Status}).", nameof(decided));
        }
    }

    private async Task StoreAsync(Contribution updated)
    {
        _current = null; // until the write is known to have happened
        await _store.UpdateAsync(updated);
        _current = updated;
    }
}
