namespace Rayswarm.Domains.Neural.Tests;

/// <summary>ML.NET trains here (Linux x64, its native CPU math): classifiers and regressors on generated data sets, judged on
/// rows they were not trained on.</summary>
public sealed class NeuralModelTests
{
    [Fact]
    public void Two_gaussian_blobs_are_classified_with_at_least_95_percent_accuracy_on_held_out_rows()
    {
        var (features, labels) = GeneratedData.Blobs(150, seed: 1, ("left", [-2, -2]), ("right", [2, 2]));
        var data = DataSetReader.Read(GeneratedData.Arguments(features, labels), NeuralTask.Classification);
        var (train, test) = HeldOutSplit.Split(data, 0.2, seed: 7);

        using var model = NeuralModel.Train(train, NeuralTask.Classification, seed: 7);
        var metrics = model.Evaluate(test);

        Assert.Equal(60, metrics.Rows);
        Assert.True(metrics.Accuracy >= 0.95, $"accuracy {metrics.Accuracy}");
        Assert.True(metrics.BaselineAccuracy <= 0.6, $"baseline {metrics.BaselineAccuracy}");
    }

    [Fact]
    public void Three_blobs_get_a_probability_per_class_that_sums_to_one_and_peaks_at_the_right_class()
    {
        var (features, labels) = GeneratedData.Blobs(60, seed: 2, ("a", [0, 6]), ("b", [6, 0]), ("c", [-6, -6]));
        var data = DataSetReader.Read(GeneratedData.Arguments(features, labels), NeuralTask.Classification);

        using var model = NeuralModel.Train(data, NeuralTask.Classification, seed: 1);

        Assert.Equal(["a", "b", "c"], data.Classes);
        foreach (var (point, expected) in new[] { (new[] { 0f, 6f }, "a"), ([6f, 0f], "b"), ([-6f, -6f], "c") })
        {
            var prediction = model.Predict(point);
            Assert.Equal(expected, data.Classes[prediction.Class!.Value]);
            Assert.Equal(3, prediction.Probabilities!.Length);
            Assert.Equal(1.0, prediction.Probabilities.Sum(), 3);
            Assert.True(prediction.Probabilities[prediction.Class.Value] > 0.9, $"p = {prediction.Probabilities[prediction.Class.Value]}");
        }
    }

    [Fact]
    public void A_noisy_linear_function_is_learned_to_within_its_noise()
    {
        var (features, values) = GeneratedData.Linear(1000, noise: 0.5, seed: 3);
        var data = DataSetReader.Read(GeneratedData.Arguments(features, values), NeuralTask.Regression);
        var (train, test) = HeldOutSplit.Split(data, 0.25, seed: 3);

        using var model = NeuralModel.Train(train, NeuralTask.Regression, seed: 3);
        var metrics = model.Evaluate(test);

        // The noise alone gives an RMSE of 0.5; predicting the mean gives about 10.
        Assert.True(metrics.Rmse < 0.75, $"rmse {metrics.Rmse}");
        Assert.True(metrics.BaselineRmse > 5, $"baseline {metrics.BaselineRmse}");
        Assert.Equal(GeneratedData.Intercept, model.Predict([0, 0, 0]).Value!.Value, 0.3);
    }

    [Fact]
    public void A_saved_model_loads_and_predicts_exactly_as_before()
    {
        var (features, labels) = GeneratedData.Blobs(40, seed: 4, ("x", [-1, 0]), ("y", [1, 0]));
        var data = DataSetReader.Read(GeneratedData.Arguments(features, labels), NeuralTask.Classification);
        using var trained = NeuralModel.Train(data, NeuralTask.Classification, seed: 4);

        using var loaded = NeuralModel.Load(trained.Bytes, NeuralTask.Classification, featureCount: 2);

        foreach (var row in features.Take(20))
        {
            Assert.Equal(trained.Predict(row).Probabilities, loaded.Predict(row).Probabilities);
        }
    }

    [Fact]
    public void The_same_data_and_seed_give_the_same_model()
    {
        var (features, values) = GeneratedData.Linear(300, noise: 1, seed: 5);
        var data = DataSetReader.Read(GeneratedData.Arguments(features, values), NeuralTask.Regression);

        using var first = NeuralModel.Train(data, NeuralTask.Regression, seed: 9);
        using var second = NeuralModel.Train(data, NeuralTask.Regression, seed: 9);

        Assert.Equal(first.Predict([1, 2, 3]).Value, second.Predict([1, 2, 3]).Value);
    }

    [Fact]
    public void The_held_out_split_is_seeded_and_holds_out_the_stated_fraction()
    {
        var (features, values) = GeneratedData.Linear(100, noise: 1, seed: 6);
        var data = DataSetReader.Read(GeneratedData.Arguments(features, values), NeuralTask.Regression);

        var (train, test) = HeldOutSplit.Split(data, 0.3, seed: 1);
        var (_, again) = HeldOutSplit.Split(data, 0.3, seed: 1);
        var (_, other) = HeldOutSplit.Split(data, 0.3, seed: 2);

        Assert.Equal((70, 30), (train.Count, test.Count));
        Assert.Equal(test.Labels, again.Labels);
        Assert.NotEqual(test.Labels, other.Labels);
        Assert.Equal(data.Labels.Order(), train.Labels.Concat(test.Labels).Order());
    }
}
