namespace Rayswarm.Domains.Neural;

/// <summary>One named model of the neural domain, kept in grain state: it survives deactivation and silo restarts.</summary>
[Alias("rayswarm.neural.INeuralModelGrain")]
public interface INeuralModelGrain : IGrainWithStringKey
{
    /// <summary>Holds out <paramref name="testFraction"/> of <paramref name="data"/> (seeded by <paramref name="seed"/>),
    /// trains a model of <paramref name="task"/> on the rest, stores it (replacing an earlier one) and scores the held-out rows.</summary>
    Task<ModelSummary> Train(DataSet data, NeuralTask task, double testFraction, int seed);

    /// <summary>The prediction for each row. Throws <see cref="ArgumentException"/> when the model is not trained or a row
    /// has another number of features.</summary>
    [ReadOnly]
    Task<IReadOnlyList<Prediction>> Predict(float[][] rows);

    /// <summary>Accuracy or RMSE on <paramref name="data"/>, or on the held-out rows of training when it is null.</summary>
    [ReadOnly]
    Task<ModelMetrics> Evaluate(DataSet? data);

    /// <summary>The model's summary, or null when it is not trained.</summary>
    [ReadOnly]
    Task<ModelSummary?> Describe();
}
