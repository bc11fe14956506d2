namespace Rayswarm.Grains.Interfaces;

/// <summary>
/// A contribution's confidence: the mean of a Beta posterior that starts at Beta(1, 1) (confidence 0.5). Each confirming
/// verification adds <see cref="VerificationWeight"/> to α, each rejection the same to β; each successful application
/// adds <see cref="ApplicationWeight"/> to α, each failure the same to β:
/// <c>confidence = (1 + 2·verifications + successes) / (2 + 2·verifications + 2·rejections + successes + failures)</c>.
/// </summary>
public static class MemoryConfidence
{
    /// <summary>The evidence one verification by another domain counts for.</summary>
    public const double VerificationWeight = 2;

    /// <summary>The evidence one application outcome counts for.</summary>
    public const double ApplicationWeight = 1;

    /// <summary>The confidence of a contribution nobody has verified or applied yet.</summary>
    public const double Initial = 0.5;

    /// <summary>The posterior mean for the given evidence.</summary>
    public static double Compute(int verifications, int rejections, int successes, int failures)
    {
        var alpha = 1 + (VerificationWeight * verifications) + (ApplicationWeight * successes);
        var beta = 1 + (VerificationWeight * rejections) + (ApplicationWeight * failures);
        return alpha / (alpha + beta);
    }
}
