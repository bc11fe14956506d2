using System.Text.Json;

namespace Rayswarm.Grains.Interfaces;

/// <summary>One thing that waits for (or got) an expert's decision: a workflow's approval step or a contribution to review
/// (the body of <c>GET /domains/reviews/{id}</c>).</summary>
/// <param name="ReviewId">Its id ("apr_…" for approvals, "rev_…" for contributions).</param>
/// <param name="Kind"><see cref="ReviewKinds"/>: approval or contribution.</param>
/// <param name="DomainId">The domain whose expert decides.</param>
/// <param name="Status"><see cref="ReviewStatus"/>: pending until decided.</param>
/// <param name="Prompt">What the expert is asked.</param>
/// <param name="Approvers">The roles that may decide (any one of them).</param>
/// <param name="SubjectId">What is reviewed: the workflow id, or the contribution id.</param>
/// <param name="StepId">The approval step's id (approvals only).</param>
/// <param name="Context">What the expert needs to decide: for an approval the workflow's name and the outputs of the steps
/// it depends on (<c>{"workflow_name", "dependencies": {"step_1": output}}</c>); for a contribution the contribution.</param>
/// <param name="RequestedBy">The principal that started the workflow or contributed, when known.</param>
/// <param name="CreatedAt">When the review was opened.</param>
/// <param name="DeadlineAt">When an approval times out.</param>
/// <param name="DecidedAt">When it was decided.</param>
/// <param name="DecidedBy">Who decided (a principal; <c>system</c> for a timeout).</param>
/// <param name="Comment">The decider's comment.</param>
/// <param name="Correction">The corrected content (a correction of a contribution).</param>
/// <param name="ResultId">The new version's contribution id (a correction).</param>
[GenerateSerializer, Immutable, Alias("rayswarm.ReviewInfo")]
public sealed record ReviewInfo(
    string ReviewId,
    string Kind,
    string DomainId,
    string Status,
    string? Prompt,
    IReadOnlyList<string> Approvers,
    string SubjectId,
    string? StepId,
    JsonElement? Context,
    string? RequestedBy,
    DateTimeOffset CreatedAt,
    DateTimeOffset? DeadlineAt,
    DateTimeOffset? DecidedAt = null,
    string? DecidedBy = null,
    string? Comment = null,
    JsonElement? Correction = null,
    string? ResultId = null);
