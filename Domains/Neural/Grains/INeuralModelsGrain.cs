namespace Rayswarm.Domains.Neural;

/// <summary>The names of the neural domain's models (one grain, key <see cref="Key"/>).</summary>
[Alias("rayswarm.neural.INeuralModelsGrain")]
public interface INeuralModelsGrain : IGrainWithStringKey
{
    /// <summary>The key of the one instance.</summary>
    const string Key = "models";

    /// <summary>Records that a model of this name exists (again is harmless).</summary>
    Task Add(string model);

    /// <summary>The model names, sorted.</summary>
    [ReadOnly]
    Task<IReadOnlyList<string>> List();
}
