namespace Rayswarm.Domains.Neural;

/// <summary>The durable record of one model: ML.NET's bytes, its summary, and the held-out rows <c>evaluate</c> scores.
/// <see cref="Summary"/> is null until it is trained.</summary>
public sealed record NeuralModelState
{
    public ModelSummary? Summary { get; init; }

    public byte[] Model { get; init; } = [];

    public float[][] TestFeatures { get; init; } = [];

    public float[] TestLabels { get; init; } = [];
}
