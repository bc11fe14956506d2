namespace Rayswarm.Grains.Interfaces;

/// <summary>
/// A contribution's confidence: the mean of a Beta posterior that starts at Beta(1, 1) (confidence 0.5). Each confirming
/// verification adds <see cref="VerificationWeight"/> to α, each rejection the same to β; each successful application
/// adds <see cref="ApplicationWeight"/> to α, each failure the same to β; each expert decision that vouches for it (an
/// accepting review, or the correction that wrote it) adds <see cref="ExpertWeight"/> to α:
/// <c>confidence = (1 + 2·verifications + successes + 6·expert_accepts) / (2 + 2·verifications + 2·rejections + successes + failures + 6·expert_accepts)</c>.
/// An expert's rejection retracts the contribution instead of weighing against it.
/// </summary>
public static class MemoryConfidence
{
    /// <summary>The evidence one verification by another domain counts for.</summary>
    public const double VerificationWeight = 2;

    /// <summary>The evidence one application outcome counts for.</summary>
    public const double ApplicationWeight = 1;

    /// <summary>The evidence one expert decision counts for: three verifications by other domains.</summary>
    public const double ExpertWeight = 6;

    /// <summary>The confidence of a contribution nobody has verified or applied yet.</summary>
    public const double Initial = 0.5;

    /// <summary>The confidence a corrected version starts at: one expert decision, (1 + 6) / (2 + 6) = 0.875.</summary>
    public static double Corrected => Compute(0, 0, 0, 0, expertAccepts: 1);

    /// <summary>The posterior mean for the given evidence.</summary>
    public static double Compute(int verifications, int rejections, int successes, int failures, int expertAccepts = 0)
    {
        var alpha = 1 + (VerificationWeight * verifications) + (ApplicationWeight * successes) + (ExpertWeight * expertAccepts);
        var beta = 1 + (VerificationWeight * rejections) + (ApplicationWeight * failures);
        return alpha / (alpha + beta);
    }

    /// <summary>The confidence of <paramref name="c"/> from its counts.</summary>
    public static double Of(Contribution c)
    {
        ArgumentNullException.ThrowIfNull(c);
        return Compute(c.Verifications, c.Rejections, c.Successes, c.Failures, c.ExpertAccepts);
    }
}
