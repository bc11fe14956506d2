using System.Text.Json;
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

    public Task<IReadOnlyList<DomainActionInfo>> DescribeActions() => Task.FromResult(s_actions);

    public async Task<JsonElement> Execute(string action, JsonElement input)
    {
        var args = NeuralArguments.Of(input);
        switch (action)
        {
            case Train:
            {
                var (model, task) = (args.Model(), args.Task());
                var data = DataSetReader.Read(args.Data, task);
                var summary = await Model(model).Train(data, task, args.Number("test_fraction", HeldOutSplit.DefaultFraction),
                    args.Integer("seed", HeldOutSplit.DefaultSeed));
                return NeuralOutput.Summary(summary);
            }
            case Predict:
            {
                var model = args.Model();
                var summary = await Model(model).Describe() ?? throw NotTrained(model);
                var rows = DataSetReader.Rows(args.Get("features"), "features", summary.Features.Length);
                var predictions = await Model(model).Predict(rows);
                return NeuralOutput.Predictions(summary, predictions);
            }
            case Evaluate:
            {
                var model = args.Model();
                var summary = await Model(model).Describe() ?? throw NotTrained(model);
                var data = args.HasData ? DataSetReader.Read(args.Data, summary.Task) : null;
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
    public Task Compensate(string action, JsonElement input, JsonElement output) =>
        s_actions.Any(a => a.Name == action) ? Task.CompletedTask : throw UnknownAction(action);

    /// <summary>The neural domain subscribes to nothing: events are accepted and ignored.</summary>
    public Task OnEvent(DomainEvent domainEvent) => Task.CompletedTask;

    private INeuralModelGrain Model(string name) => GrainFactory.GetGrain<INeuralModelGrain>(name);

    private static ArgumentException NotTrained(string model) => new($"model '{model}' is not trained: train it first.", "model");

    private static ArgumentException UnknownAction(string action) =>
        new($"action '{action}' is not an action of the {DomainId} domain (its actions: {string.Join(", ", s_actions.Select(a => a.Name))}).", "action");
}
