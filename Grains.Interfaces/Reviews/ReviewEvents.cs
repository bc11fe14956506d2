namespace Rayswarm.Grains.Interfaces;

/// <summary>The event-bus streams (namespace <see cref="RegistryEvents.Namespace"/>) of reviews. Each event's data is a small
/// JSON object with snake_case fields: review_id, kind, domain_id, subject_id, and contribution_id (reviews of contributions)
/// or workflow_id and step_id (approvals); decisions add decided_by and comment, a correction new_contribution_id.</summary>
public static class ReviewEvents
{
    /// <summary>A contribution was sent to its domain's expert for review.</summary>
    public const string Requested = "review.requested";

    /// <summary>An expert accepted a contribution.</summary>
    public const string Accepted = "review.accepted";

    /// <summary>An expert corrected a contribution: a new version supersedes it.</summary>
    public const string Corrected = "review.corrected";

    /// <summary>An expert rejected a contribution (it is retracted) or an approval step.</summary>
    public const string Rejected = "review.rejected";

    /// <summary>An expert approved a workflow's approval step.</summary>
    public const string Approved = "review.approved";
}
