namespace Rayswarm.Grains.Interfaces;

/// <summary>Why a contribution is taken back (the body of <c>POST /domains/memory/retract/{id}</c>); the reason is carried
/// by the <see cref="MemoryEvents.Retracted"/> event.</summary>
/// <param name="Reason">Why, required: 1 to <see cref="MemoryValidation.MaxNotesLength"/> characters.</param>
/// <param name="DomainId">The domain that retracts it, optional (the event's source is the contributor otherwise).</param>
[GenerateSerializer, Immutable, Alias("rayswarm.RetractRequest")]
public sealed record RetractRequest(string Reason, string? DomainId = null)
{
    /// <summary>Throws <see cref="ArgumentException"/> naming the first invalid field (reason, domain_id).</summary>
    public void Validate()
    {
        if (string.IsNullOrWhiteSpace(Reason)) { throw new ArgumentException("reason is required: say why the contribution is retracted.", "reason"); }
        if (Reason.Length > MemoryValidation.MaxNotesLength)
        {
            throw new ArgumentException($"reason must be at most {MemoryValidation.MaxNotesLength} characters (was {Reason.Length}).", "reason");
        }
        if (DomainId is not null) { DomainRegistration.ValidateDomainId(DomainId); }
    }
}
