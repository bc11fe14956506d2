namespace Rayswarm.Domains.Neural;

/// <summary>Splits a data set into training and held-out rows: the rows are shuffled with <see cref="Random"/> seeded by
/// <c>seed</c> (Fisher–Yates), and the first round(fraction × rows) of them, at least one, are held out.</summary>
public static class HeldOutSplit
{
    /// <summary>The fraction held out when none is given.</summary>
    public const double DefaultFraction = 0.2;

    /// <summary>The seed when none is given.</summary>
    public const int DefaultSeed = 42;

    /// <summary>The training and held-out parts. Throws <see cref="ArgumentException"/> for a fraction outside 0.05..0.5.</summary>
    public static (DataSet Train, DataSet Test) Split(DataSet data, double fraction, int seed)
    {
        ArgumentNullException.ThrowIfNull(data);
        if (double.IsNaN(fraction) || fraction < 0.05 || fraction > 0.5)
        {
            throw new ArgumentException($"test_fraction must be between 0.05 and 0.5 (was {fraction}).", "test_fraction");
        }
        var order = Enumerable.Range(0, data.Count).ToArray();
        new Random(seed).Shuffle(order);
        var held = Math.Max(1, (int)Math.Round(fraction * data.Count));
        return (Take(data, order[held..]), Take(data, order[..held]));
    }

    private static DataSet Take(DataSet data, int[] rows) =>
        data with { Features = [.. rows.Select(i => data.Features[i])], Labels = [.. rows.Select(i => data.Labels[i])] };
}
