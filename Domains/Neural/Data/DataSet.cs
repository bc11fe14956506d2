namespace Rayswarm.Domains.Neural;

/// <summary>A numeric data set: one row of features per example, and its label.</summary>
/// <param name="Features">The rows, all of one length, every value finite.</param>
/// <param name="Labels">The label of each row: a class index into <paramref name="Classes"/> (classification) or the
/// value itself (regression).</param>
/// <param name="Classes">The classes, sorted (ordinal); empty for regression.</param>
/// <param name="FeatureNames">The features' names (CSV headers), or f0, f1, ….</param>
[GenerateSerializer, Immutable, Alias("rayswarm.neural.DataSet")]
public sealed record DataSet(float[][] Features, float[] Labels, string[] Classes, string[] FeatureNames)
{
    /// <summary>The number of rows.</summary>
    public int Count => Features.Length;

    /// <summary>The number of features per row.</summary>
    public int FeatureCount => FeatureNames.Length;
}
