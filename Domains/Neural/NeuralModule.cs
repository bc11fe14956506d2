using Rayswarm.Grains;
using Rayswarm.Grains.Interfaces;

namespace Rayswarm.Domains.Neural;

/// <summary>The <c>neural</c> domain (<see cref="NeuralDomainGrain"/>): trains small classifiers and regressors with ML.NET
/// on data sets given inline, keeps them by name in grain state, predicts and evaluates. Capabilities <c>ml</c> and
/// <c>prediction</c>.</summary>
public sealed class NeuralModule : DomainModule
{
    /// <inheritdoc />
    public override string DomainId => NeuralDomainGrain.DomainId;

    /// <inheritdoc />
    public override string Description => "Trains classifiers and regressors (ML.NET) on inline data sets, keeps them by name, predicts and evaluates.";

    /// <inheritdoc />
    public override IReadOnlyList<string> Capabilities => ["ml", "prediction"];

    /// <inheritdoc />
    public override Type WorkerGrain => typeof(NeuralDomainGrain);

    /// <inheritdoc />
    public override IReadOnlyList<DomainActionInfo> Actions => NeuralDomainGrain.DomainActions;
}
