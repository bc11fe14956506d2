namespace Rayswarm.Grains.Interfaces;

/// <summary>The values of <see cref="ReviewInfo.Status"/>.</summary>
public static class ReviewStatus
{
    /// <summary>Waiting for a decision.</summary>
    public const string Pending = "pending";

    /// <summary>Approved (an approval step) or accepted (a contribution).</summary>
    public const string Approved = "approved";

    /// <summary>Rejected.</summary>
    public const string Rejected = "rejected";

    /// <summary>Corrected: a new version of the contribution replaced it.</summary>
    public const string Corrected = "corrected";

    /// <summary>Nobody decided an approval within its timeout.</summary>
    public const string TimedOut = "timed_out";

    /// <summary>The workflow ended (another step failed) before anyone decided.</summary>
    public const string Cancelled = "cancelled";

    /// <summary>Every status.</summary>
    public static readonly IReadOnlyList<string> All = [Pending, Approved, Rejected, Corrected, TimedOut, Cancelled];
}
