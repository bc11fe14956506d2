using Microsoft.ML;
using Microsoft.ML.Data;
using Microsoft.ML.Trainers;

namespace Rayswarm.Domains.Neural;

/// <summary>
/// A model trained with ML.NET: features are standardized (mean 0, variance 1, learned from the training rows), then a
/// classification is learned by multinomial logistic regression (L-BFGS maximum entropy, a probability per class) and a
/// regression by linear regression (SDCA). One thread each, so the same data and seed give the same model. The model
/// is kept as ML.NET's own bytes (<see cref="Bytes"/>); not thread-safe (one grain activation uses it).
/// </summary>
public sealed class NeuralModel : IDisposable
{
    private readonly MLContext _ml;
    private readonly ITransformer _model;
    private readonly NeuralTask _task;
    private readonly int _featureCount;
    private PredictionEngine<FeatureRow, ClassScores>? _classifier;
    private PredictionEngine<FeatureRow, ValueScore>? _regressor;

    private NeuralModel(MLContext ml, ITransformer model, NeuralTask task, int featureCount, byte[] bytes)
    {
        (_ml, _model, _task, _featureCount) = (ml, model, task, featureCount);
        Bytes = bytes;
    }

    /// <summary>The model as ML.NET saves it (a zip).</summary>
    public byte[] Bytes { get; }

    /// <summary>Trains a model of <paramref name="task"/> on every row of <paramref name="data"/>.</summary>
    public static NeuralModel Train(DataSet data, NeuralTask task, int seed)
    {
        ArgumentNullException.ThrowIfNull(data);
        var ml = new MLContext(seed);
        IDataView rows;
        IEstimator<ITransformer> trainer;
        if (task == NeuralTask.Classification)
        {
            if (data.Labels.Distinct().Count() < 2) { throw new ArgumentException("the training rows hold only one class: give more rows of each class.", "labels"); }
            var schema = SchemaDefinition.Create(typeof(ClassRow));
            schema[nameof(ClassRow.Features)].ColumnType = new VectorDataViewType(NumberDataViewType.Single, data.FeatureCount);
            schema[nameof(ClassRow.Label)].ColumnType = new KeyDataViewType(typeof(uint), (ulong)data.Classes.Length);
            rows = ml.Data.LoadFromEnumerable(data.Features.Select((f, i) => new ClassRow { Features = f, Label = (uint)data.Labels[i] }), schema);
            trainer = ml.MulticlassClassification.Trainers.LbfgsMaximumEntropy(new LbfgsMaximumEntropyMulticlassTrainer.Options { NumberOfThreads = 1 });
        }
        else
        {
            var schema = SchemaDefinition.Create(typeof(ValueRow));
            schema[nameof(ValueRow.Features)].ColumnType = new VectorDataViewType(NumberDataViewType.Single, data.FeatureCount);
            rows = ml.Data.LoadFromEnumerable(data.Features.Select((f, i) => new ValueRow { Features = f, Label = data.Labels[i] }), schema);
            trainer = ml.Regression.Trainers.Sdca(new SdcaRegressionTrainer.Options { NumberOfThreads = 1 });
        }
        var model = ml.Transforms.NormalizeMeanVariance(nameof(ClassRow.Features)).Append(trainer).Fit(rows);
        using var bytes = new MemoryStream();
        ml.Model.Save(model, rows.Schema, bytes);
        return new NeuralModel(ml, model, task, data.FeatureCount, bytes.ToArray());
    }

    /// <summary>Loads a model saved as <see cref="Bytes"/>.</summary>
    public static NeuralModel Load(byte[] bytes, NeuralTask task, int featureCount)
    {
        ArgumentNullException.ThrowIfNull(bytes);
        var ml = new MLContext();
        using var stream = new MemoryStream(bytes, writable: false);
        return new NeuralModel(ml, ml.Model.Load(stream, out _), task, featureCount, bytes);
    }

    /// <summary>The prediction for one row of <c>featureCount</c> values.</summary>
    public Prediction Predict(float[] features)
    {
        ArgumentNullException.ThrowIfNull(features);
        var row = new FeatureRow { Features = features };
        if (_task == NeuralTask.Classification)
        {
            _classifier ??= _ml.Model.CreatePredictionEngine<FeatureRow, ClassScores>(_model, inputSchemaDefinition: InputSchema());
            var scores = _classifier.Predict(row).Score;
            return new Prediction(Array.IndexOf(scores, scores.Max()), scores, null);
        }
        _regressor ??= _ml.Model.CreatePredictionEngine<FeatureRow, ValueScore>(_model, inputSchemaDefinition: InputSchema());
        return new Prediction(null, null, _regressor.Predict(row).Score);
    }

    /// <summary>Accuracy (classification) or RMSE (regression) on <paramref name="data"/>, with the baseline of a model
    /// that always gives the most frequent class or the mean value.</summary>
    public ModelMetrics Evaluate(DataSet data)
    {
        ArgumentNullException.ThrowIfNull(data);
        var predictions = data.Features.Select(Predict).ToList();
        if (_task == NeuralTask.Classification)
        {
            var right = predictions.Where((p, i) => p.Class == (int)data.Labels[i]).Count();
            var majority = data.Labels.CountBy(l => l).Max(g => g.Value);
            return new ModelMetrics(data.Count, (double)right / data.Count, (double)majority / data.Count, null, null);
        }
        var mean = data.Labels.Average(l => (double)l);
        var rmse = Math.Sqrt(predictions.Select((p, i) => Math.Pow(p.Value!.Value - data.Labels[i], 2)).Average());
        var baseline = Math.Sqrt(data.Labels.Average(l => Math.Pow(l - mean, 2)));
        return new ModelMetrics(data.Count, null, null, rmse, baseline);
    }

    /// <inheritdoc />
    public void Dispose()
    {
        _classifier?.Dispose();
        _regressor?.Dispose();
    }

    private SchemaDefinition InputSchema()
    {
        var schema = SchemaDefinition.Create(typeof(FeatureRow));
        schema[nameof(FeatureRow.Features)].ColumnType = new VectorDataViewType(NumberDataViewType.Single, _featureCount);
        return schema;
    }
}
