namespace Rayswarm.Grains.Interfaces;

/// <summary>Another domain vouches for (or against) a contribution (the body of <c>POST /domains/memory/verify/{id}</c>).</summary>
/// <param name="DomainId">The verifying domain; not the contributor, and each domain verifies a contribution once.</param>
/// <param name="Valid">True (the default) confirms the contribution, false rejects it.</param>
/// <param name="Notes">Why, optional (at most <see cref="MemoryValidation.MaxNotesLength"/> characters).</param>
[GenerateSerializer, Immutable, Alias("rayswarm.VerifyRequest")]
public sealed record VerifyRequest(string DomainId, bool? Valid = true, string? Notes = null)
{
    /// <summary>Throws <see cref="ArgumentException"/> naming the first invalid field (domain_id, notes).</summary>
    public void Validate()
    {
        DomainRegistration.ValidateDomainId(DomainId);
        MemoryValidation.ValidateNotes(Notes);
    }
}
