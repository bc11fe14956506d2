namespace Rayswarm.Domains.Neural;

/// <summary>The durable record of one model: ML.NET's bytes, its summary, and the held-out rows <c>evaluate</c> scores.
/// <see cref="Summary"/> is null until it is trained.</summary>
public sealed record NeuralModelState
{
    /// <summary>What the model is and how it did (null until trained).</summary>
    public ModelSummary? Summary { get; init; }

    /// <summary>The model as ML.NET saves it.</summary>
    public byte[] Model { get; init; } = [];

    /// <summary>The held-out rows.</summary>
    public float[][] TestFeatures { get; init; } = [];

    /// <summary>The held-out rows' labels (class indexes or values).</summary>
    public float[] TestLabels { get; init; } = [];
}
