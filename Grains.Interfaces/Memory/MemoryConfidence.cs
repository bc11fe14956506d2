namespace Rayswarm.Grains.Interfaces;

/// <summary>
/// A contribution's confidence: the mean of a Beta posterior whose prior has the mean p (its starting confidence,
/// <see cref="Initial"/> = 0.5 unless the contribution came with its own, e.g. an event's <c>data.confidence</c>) and the
/// weight of <see cref="PriorWeight"/> observations: Beta(2p, 2(1 − p)), which is Beta(1, 1) for p = 0.5. Each confirming
/// verification adds <see cref="VerificationWeight"/> to α, each rejection the same to β; each successful application
/// adds <see cref="ApplicationWeight"/> to α, each failure the same to β; each expert decision that vouches for it (an
/// accepting review, or the correction that wrote it) adds <see cref="ExpertWeight"/> to α:
/// <c>confidence = (2p + 2·verifications + successes + 6·expert_accepts) / (2 + 2·verifications + 2·rejections + successes + failures + 6·expert_accepts)</c>.
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

    /// <summary>The evidence the starting confidence counts for (α + β of the prior).</summary>
    public const double PriorWeight = 2;

    /// <summary>The confidence of a contribution nobody has verified or applied yet.</summary>
    public const double Initial = 0.5;

    /// <summary>The lowest starting confidence (and 1 − it the highest): evidence can always move it.</summary>
    public const double MinPrior = 0.01;

    /// <summary>The confidence a corrected version starts at: one expert decision, (1 + 6) / (2 + 6) = 0.875.</summary>
    public static double Corrected => Compute(0, 0, 0, 0, expertAccepts: 1);

    /// <summary>The posterior mean for the given evidence from the starting confidence <paramref name="prior"/>.</summary>
    public static double Compute(int verifications, int rejections, int successes, int failures, double prior = Initial, int expertAccepts = 0)
    {
        var alpha = (PriorWeight * prior) + (VerificationWeight * verifications) + (ApplicationWeight * successes) + (ExpertWeight * expertAccepts);
        var beta = (PriorWeight * (1 - prior)) + (VerificationWeight * rejections) + (ApplicationWeight * failures);
        return alpha / (alpha + beta);
    }

    /// <summary>The confidence of <paramref name="c"/> from its counts, keeping the starting confidence of <paramref name="before"/>
    /// (the same contribution before its latest evidence; <paramref name="c"/> itself when omitted).</summary>
    public static double Of(Contribution c, Contribution? before = null)
    {
        ArgumentNullException.ThrowIfNull(c);
        return Compute(c.Verifications, c.Rejections, c.Successes, c.Failures, PriorOf(before ?? c), c.ExpertAccepts);
    }

    /// <summary><paramref name="confidence"/> clamped to <see cref="MinPrior"/> .. 1 − <see cref="MinPrior"/>.</summary>
    public static double ClampPrior(double confidence) => Math.Clamp(confidence, MinPrior, 1 - MinPrior);

    /// <summary>The starting confidence of a stored contribution, recovered from its confidence and evidence (the inverse
    /// of <see cref="Compute"/>, to 9 digits), so a new verification or application keeps the contribution's own prior.</summary>
    public static double PriorOf(Contribution contribution)
    {
        ArgumentNullException.ThrowIfNull(contribution);
        var alpha = (VerificationWeight * contribution.Verifications) + (ApplicationWeight * contribution.Successes) + (ExpertWeight * contribution.ExpertAccepts);
        var beta = (VerificationWeight * contribution.Rejections) + (ApplicationWeight * contribution.Failures);
        // Rounded to 9 digits: the division's rounding error must not drift the prior (0.5 stays exactly 0.5).
        return ClampPrior(Math.Round(((contribution.Confidence * (PriorWeight + alpha + beta)) - alpha) / PriorWeight, 9));
    }
}
