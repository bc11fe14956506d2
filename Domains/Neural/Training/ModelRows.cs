using Microsoft.ML.Data;

namespace Rayswarm.Domains.Neural;

/// <summary>A training row of a classification: the label is the class's index, read as a key of as many values as there
/// are classes, so the model's scores come in class order.</summary>
internal sealed class ClassRow
{
    public float[] Features { get; set; } = [];

    public uint Label { get; set; }
}

/// <summary>A training row of a regression.</summary>
internal sealed class ValueRow
{
    public float[] Features { get; set; } = [];

    public float Label { get; set; }
}

/// <summary>A row to predict.</summary>
internal sealed class FeatureRow
{
    public float[] Features { get; set; } = [];
}

/// <summary>A classifier's output: a probability per class, in class order.</summary>
internal sealed class ClassScores
{
    [ColumnName("Score")]
    public float[] Score { get; set; } = [];
}

/// <summary>A regressor's output.</summary>
internal sealed class ValueScore
{
    [ColumnName("Score")]
    public float Score { get; set; }
}
