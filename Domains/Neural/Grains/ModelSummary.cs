namespace Rayswarm.Domains.Neural;

/// <summary>A trained model, as <c>train</c> and <c>models</c> describe it.</summary>
/// <param name="Model">Its name.</param>
/// <param name="Task">What it learned.</param>
/// <param name="Features">The features' names, in the order rows give them.</param>
/// <param name="Classes">The classes (classification), sorted; empty for a regression.</param>
/// <param name="TrainRows">The rows it was trained on.</param>
/// <param name="TestFraction">The fraction of the data set held out.</param>
/// <param name="Seed">The seed of the held-out split and of training.</param>
/// <param name="HeldOut">How it does on the held-out rows.</param>
/// <param name="TrainedAt">When it was trained.</param>
/// <param name="TrainMilliseconds">How long training took.</param>
[GenerateSerializer, Immutable, Alias("rayswarm.neural.ModelSummary")]
public sealed record ModelSummary(string Model, NeuralTask Task, string[] Features, string[] Classes, int TrainRows, double TestFraction,
    int Seed, ModelMetrics HeldOut, DateTimeOffset TrainedAt, long TrainMilliseconds);
