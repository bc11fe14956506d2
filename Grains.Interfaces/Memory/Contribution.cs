using System.Text.Json;

namespace Rayswarm.Grains.Interfaces;

/// <summary>One piece of shared knowledge with its track record.</summary>
/// <param name="ContributionId">Its id (generated at contribution).</param>
/// <param name="DomainId">The domain that contributed it.</param>
/// <param name="ContributionType">What kind of knowledge it is.</param>
/// <param name="Content">The knowledge (a JSON object), as contributed.</param>
/// <param name="Confidence">How far it is trusted, 0..1, from its verifications and applications (see <see cref="MemoryConfidence"/>).</param>
/// <param name="Verifications">How many domains confirmed it.</param>
/// <param name="Rejections">How many domains rejected it (verified with valid = false).</param>
/// <param name="VerifiedBy">The domains that confirmed it, in order.</param>
/// <param name="RejectedBy">The domains that rejected it, in order.</param>
/// <param name="Applications">How many times it was applied.</param>
/// <param name="Successes">Applications that succeeded.</param>
/// <param name="Failures">Applications that failed.</param>
/// <param name="CreatedAt">When it was contributed.</param>
/// <param name="UpdatedAt">When it was last verified or applied (its creation time before that).</param>
/// <param name="ContributedBy">The principal that contributed it (the expert, for a corrected version); null for a
/// contribution made inside the cluster without a caller, or stored before principals were recorded.</param>
/// <param name="ReviewStatus">Its expert review (<see cref="Interfaces.ReviewStatus"/>): pending while a review waits, then
/// approved (accepted) or corrected; null when it was never sent to review. A rejected contribution is retracted.</param>
/// <param name="Supersedes">The contribution this one corrects (a corrected version).</param>
/// <param name="SupersededBy">The corrected version that replaced this one: a superseded contribution is no longer found by
/// queries, but is still readable by its id.</param>
/// <param name="ExpertAccepts">How many expert decisions vouch for it: an accepting review, or the correction that wrote it
/// (see <see cref="MemoryConfidence"/>).</param>
[GenerateSerializer, Immutable, Alias("rayswarm.Contribution")]
public sealed record Contribution(
    string ContributionId,
    string DomainId,
    string ContributionType,
    JsonElement Content,
    double Confidence,
    int Verifications,
    int Rejections,
    IReadOnlyList<string> VerifiedBy,
    IReadOnlyList<string> RejectedBy,
    int Applications,
    int Successes,
    int Failures,
    DateTimeOffset CreatedAt,
    DateTimeOffset UpdatedAt,
    string? ContributedBy = null,
    string? ReviewStatus = null,
    string? Supersedes = null,
    string? SupersededBy = null,
    int ExpertAccepts = 0);
