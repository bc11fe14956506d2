namespace Rayswarm.Domains.Neural;

/// <summary>The names of the trained models (<see cref="INeuralModelsGrain"/>), in grain state.</summary>
[GrainType("neural-models")]
public sealed class NeuralModelsGrain([PersistentState("models", "Default")] IPersistentState<SortedSet<string>> names) : Grain, INeuralModelsGrain
{
    /// <inheritdoc />
    public async Task Add(string model)
    {
        if (names.State.Add(model)) { await names.WriteStateAsync(); }
    }

    /// <inheritdoc />
    public Task<IReadOnlyList<string>> List() => Task.FromResult<IReadOnlyList<string>>([.. names.State]);
}
