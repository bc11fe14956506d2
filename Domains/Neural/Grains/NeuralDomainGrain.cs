using System.Text.Json;
using Rayswarm.Grains;
using Rayswarm.Grains.Interfaces;

namespace Rayswarm.Domains.Neural;

/// <summary>
/// The <c>neural</c> domain: <c>train</c> fits a classifier or regressor (ML.NET, <see cref="NeuralModel"/>) on a data set
/// given inline and keeps it by name in grain state (<see cref="INeuralModelGrain"/>); <c>predict</c> answers a class with
/// probabilities, or a value; <c>evaluate</c> reports accuracy or RMSE on the held-out rows; <c>models</c> lists them.
/// This stateless worker reads the arguments and dispatches.
/// </summary>
[StatelessWorker]
[Reentrant]
[GrainType("neural-domain")]
public sealed partial class NeuralDomainGrain : Grain, IDomainWorkerGrain
{
    /// <summary>The domain id it is hosted as.</summary>
    public const string DomainId = "neural";

    /// <summary>The domain's actions (<see cref="NeuralModule.Actions"/>).</summary>
    public static IReadOnlyList<DomainActionInfo> DomainActions => s_actions;

    /// <inheritdoc />
    public Task<IReadOnlyList<DomainActionInfo>> DescribeActions() => Task.FromResult(s_actions);

    /// <inheritdoc />
    public async Task<JsonElement> Execute(string action, JsonElement input)
    {
        var args = DomainActionInput.Parse(input);
        switch (action)
        {
            case Train:
            {
                var (model, task) = (NeuralArguments.Model(args), NeuralArguments.Task(args));
                var data = DataSetReader.Read(args, task);
                var summary = await Model(model).Train(data, task, args.Number("test_fraction") ?? HeldOutSplit.DefaultFraction,
                    args.Integer("seed") ?? HeldOutSplit.DefaultSeed);
                return NeuralOutput.Summary(summary);
            }
            case Predict:
            {
                var model = NeuralArguments.Model(args);
                var summary = await Model(model).Describe() ?? throw NotTrained(model);
                var rows = DataSetReader.Rows(args.Get("features"), "features", summary.Features.Length);
                var predictions = await Model(model).Predict(rows);
                return NeuralOutput.Predictions(summary, predictions);
            }
            case Evaluate:
            {
                var model = NeuralArguments.Model(args);
                var summary = await Model(model).Describe() ?? throw NotTrained(model);
                var data = NeuralArguments.HasData(args) ? DataSetReader.Read(args, summary.Task) : null;
                return NeuralOutput.Metrics(summary, await Model(model).Evaluate(data), data is null);
            }
            case Models:
            {
                var names = await GrainFactory.GetGrain<INeuralModelsGrain>(INeuralModelsGrain.Key).List();
                var summaries = await Task.WhenAll(names.Select(n => Model(n).Describe()));
                return NeuralOutput.Models(summaries.OfType<ModelSummary>().ToList());
            }
            default:
                throw UnknownAction(action);
        }
    }

    /// <summary>Nothing to undo: train replaces the model (it is not compensable) and the other actions only read.</summary>
    /// <inheritdoc />
    public Task Compensate(string action, JsonElement input, JsonElement output) =>
        s_actions.Any(a => a.Name == action) ? Task.CompletedTask : throw UnknownAction(action);

    /// <summary>The neural domain subscribes to nothing: events are accepted and ignored.</summary>
    public Task OnEvent(DomainEvent domainEvent) => Task.CompletedTask;

    private INeuralModelGrain Model(string name) => GrainFactory.GetGrain<INeuralModelGrain>(name);

    private static ArgumentException NotTrained(string model) => new($"model '{model}' is not trained: train it first.", "model");

    private static ArgumentException UnknownAction(string action) => DomainActionInput.UnknownAction(DomainId, action, s_actions);
}
