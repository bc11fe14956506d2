using System.Diagnostics;
using Microsoft.Extensions.DependencyInjection;
using Rayswarm.Grains;

namespace Rayswarm.Domains.Neural;

/// <summary>
/// One model (<see cref="INeuralModelGrain"/>). Training runs on the thread pool, off the grain's scheduler; the model is
/// written to grain state as ML.NET's bytes with the held-out rows, and loaded back lazily after a reactivation.
/// </summary>
[GrainType("neural-model")]
public sealed class NeuralModelGrain(
    [PersistentState("model", "Default")] IPersistentState<NeuralModelState> state,
    [FromKeyedServices(DomainClock.Key)] TimeProvider? time = null) : Grain, INeuralModelGrain
{
    private readonly TimeProvider _time = time ?? TimeProvider.System;
    private NeuralModel? _model;

    private string Name => this.GetPrimaryKeyString();

    /// <inheritdoc />
    public async Task<ModelSummary> Train(DataSet data, NeuralTask task, double testFraction, int seed)
    {
        ArgumentNullException.ThrowIfNull(data);
        var (train, test) = HeldOutSplit.Split(data, testFraction, seed);
        var watch = Stopwatch.StartNew();
        var (model, metrics) = await Task.Run(() =>
        {
            var trained = NeuralModel.Train(train, task, seed);
            return (trained, trained.Evaluate(test));
        });
        var summary = new ModelSummary(Name, task, data.FeatureNames, data.Classes, train.Count, testFraction, seed, metrics,
            _time.GetUtcNow(), watch.ElapsedMilliseconds);
        state.State = new NeuralModelState { Summary = summary, Model = model.Bytes, TestFeatures = test.Features, TestLabels = test.Labels };
        await state.WriteStateAsync();
        _model?.Dispose();
        _model = model;
        await GrainFactory.GetGrain<INeuralModelsGrain>(INeuralModelsGrain.Key).Add(Name);
        return summary;
    }

    /// <inheritdoc />
    public Task<IReadOnlyList<Prediction>> Predict(float[][] rows)
    {
        ArgumentNullException.ThrowIfNull(rows);
        var (model, summary) = Loaded();
        for (var i = 0; i < rows.Length; i++)
        {
            if (rows[i].Length != summary.Features.Length)
            {
                throw new ArgumentException($"features[{i}] has {rows[i].Length} values, but model '{Name}' takes {summary.Features.Length} ({string.Join(", ", summary.Features)}).", "features");
            }
        }
        return Task.FromResult<IReadOnlyList<Prediction>>([.. rows.Select(model.Predict)]);
    }

    /// <inheritdoc />
    public Task<ModelMetrics> Evaluate(DataSet? data)
    {
        var (model, summary) = Loaded();
        if (data is null)
        {
            return Task.FromResult(model.Evaluate(new DataSet(state.State.TestFeatures, state.State.TestLabels, summary.Classes, summary.Features)));
        }
        if (data.FeatureCount != summary.Features.Length)
        {
            throw new ArgumentException($"the rows have {data.FeatureCount} features, but model '{Name}' takes {summary.Features.Length}.", "features");
        }
        // Classes are indexed by the model's class list; a class it never saw cannot be right.
        var classes = summary.Classes.Select((c, i) => (c, i)).ToDictionary(p => p.c, p => (float)p.i, StringComparer.Ordinal);
        var labels = summary.Task == NeuralTask.Classification
            ? [.. data.Labels.Select(l => classes.GetValueOrDefault(data.Classes[(int)l], -1))]
            : data.Labels;
        return Task.FromResult(model.Evaluate(data with { Labels = labels, Classes = summary.Classes }));
    }

    /// <inheritdoc />
    public Task<ModelSummary?> Describe() => Task.FromResult(state.State.Summary);

    /// <inheritdoc />
    public override Task OnDeactivateAsync(DeactivationReason reason, CancellationToken cancellationToken)
    {
        _model?.Dispose();
        _model = null;
        return Task.CompletedTask;
    }

    private (NeuralModel Model, ModelSummary Summary) Loaded()
    {
        var summary = state.State.Summary ?? throw new ArgumentException($"model '{Name}' is not trained: train it first.", "model");
        _model ??= NeuralModel.Load(state.State.Model, summary.Task, summary.Features.Length);
        return (_model, summary);
    }
}
