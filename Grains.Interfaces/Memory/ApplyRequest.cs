using System.Text.Json.Serialization;

namespace Rayswarm.Grains.Interfaces;

/// <summary>A domain reports applying a contribution (the body of <c>POST /domains/memory/apply/{id}</c>).</summary>
/// <param name="DomainId">The domain that applied it (any domain, the contributor too).</param>
/// <param name="Outcome"><see cref="Success"/> or <see cref="Failure"/>; or give <paramref name="SuccessFlag"/> instead.</param>
/// <param name="Notes">What happened, optional (at most <see cref="MemoryValidation.MaxNotesLength"/> characters).</param>
/// <param name="SuccessFlag"><c>"success": true|false</c>, the other way to say the outcome.</param>
[GenerateSerializer, Immutable, Alias("rayswarm.ApplyRequest")]
public sealed record ApplyRequest(
    string DomainId,
    string? Outcome,
    string? Notes = null,
    [property: JsonPropertyName("success")] bool? SuccessFlag = null)
{
    /// <summary>The outcome of an application that worked.</summary>
    public const string Success = "success";

    /// <summary>The outcome of an application that did not work.</summary>
    public const string Failure = "failure";

    /// <summary>The outcome: <see cref="Outcome"/>, else what <see cref="SuccessFlag"/> says.</summary>
    [JsonIgnore]
    public string? Result => Outcome ?? SuccessFlag switch { true => Success, false => Failure, null => null };

    /// <summary>Whether <see cref="Result"/> is <see cref="Success"/>.</summary>
    [JsonIgnore]
    public bool Succeeded => Result == Success;

    /// <summary>Throws <see cref="ArgumentException"/> naming the first invalid field (domain_id, outcome, notes).</summary>
    public void Validate()
    {
        DomainRegistration.ValidateDomainId(DomainId);
        if (Outcome is null && SuccessFlag is null)
        {
            throw new ArgumentException($"outcome is required: '{Success}' or '{Failure}' (or \"success\": true|false).", "outcome");
        }
        if (Outcome is not null and not (Success or Failure))
        {
            throw new ArgumentException($"outcome must be '{Success}' or '{Failure}' (was '{Outcome}').", "outcome");
        }
        if (Outcome is not null && SuccessFlag is { } flag && flag != (Outcome == Success))
        {
            throw new ArgumentException($"outcome '{Outcome}' contradicts success: {(flag ? "true" : "false")}.", "outcome");
        }
        MemoryValidation.ValidateNotes(Notes);
    }
}
