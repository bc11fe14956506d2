namespace Rayswarm.Grains.Interfaces;

/// <summary>A domain reports applying a contribution (the body of <c>POST /domains/memory/apply/{id}</c>).</summary>
/// <param name="DomainId">The domain that applied it (any domain, the contributor too).</param>
/// <param name="Outcome"><see cref="Success"/> or <see cref="Failure"/>.</param>
/// <param name="Notes">What happened, optional (at most <see cref="MemoryValidation.MaxNotesLength"/> characters).</param>
[GenerateSerializer, Immutable, Alias("rayswarm.ApplyRequest")]
public sealed record ApplyRequest(string DomainId, string Outcome, string? Notes = null)
{
    /// <summary>The outcome of an application that worked.</summary>
    public const string Success = "success";

    /// <summary>The outcome of an application that did not work.</summary>
    public const string Failure = "failure";

    /// <summary>Whether <see cref="Outcome"/> is <see cref="Success"/>.</summary>
    public bool Succeeded => Outcome == Success;

    /// <summary>Throws <see cref="ArgumentException"/> naming the first invalid field (domain_id, outcome, notes).</summary>
    public void Validate()
    {
        DomainRegistration.ValidateDomainId(DomainId);
        if (Outcome is not (Success or Failure))
        {
            throw new ArgumentException($"outcome must be '{Success}' or '{Failure}' (was '{Outcome}').", "outcome");
        }
        MemoryValidation.ValidateNotes(Notes);
    }
}
