
namespace Rayswarm.Grains.Interfaces;

/// <summary>One contribution (key = its id). Its verifications and applications are applied one at a time, through the
/// knowledge store, which holds the contribution.</summary>
[Alias("rayswarm.IContributionGrain")]
public interface IContributionGrain : IGrainWithStringKey
{
    /// <summary>The contribution; <see cref="KeyNotFoundException"/> when there is none with this id.</summary>
    Task<Contribution> Get();

    /// <summary>Records a verification and returns the contribution with its new confidence. Unknown id:
    /// <see cref="KeyNotFoundException"/>; the contributor itself or a domain that verified before:
    /// <see cref="ConflictException"/>; invalid request: <see cref="ArgumentException"/>.</summary>
    Task<Contribution> Verify(VerifyRequest request);

    /// <summary>Records an application's outcome and returns the contribution with its new confidence. Unknown id:
    /// <see cref="KeyNotFoundException"/>; invalid request: <see cref="ArgumentException"/>.</summary>
    Task<Contribution> Apply(ApplyRequest request);

    /// <summary>Deletes the contribution with its verifications and applications and announces
    /// <see cref="MemoryEvents.Retracted"/> with the request's reason. Idempotent: an unknown or already retracted id returns
    /// false and changes nothing. Invalid request: <see cref="ArgumentException"/>.</summary>
    Task<bool> Retract(RetractRequest request);

    /// <summary>Carries out the expert's decision <paramref name="decided"/> on this contribution's review (the review store
    /// has recorded it): accept raises the confidence (<see cref="MemoryConfidence.ExpertWeight"/>), reject retracts it, correct
    /// stores the new version <see cref="ReviewInfo.ResultId"/> and supersedes this one; then announces it (<see cref="ReviewEvents"/>).
    /// Idempotent: a decision carried out before changes nothing.</summary>
    Task Reviewed(ReviewInfo decided);
}
