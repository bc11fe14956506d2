using Rayswarm.Runtime.Abstractions;

namespace Rayswarm.Runtime.Tests;

public interface ICounterGrain : IGrainWithStringKey
{
    Task<int> Add(int amount);

    [ReadOnly]
    Task<int> Get();

    Task Clear();

    Task<string?> Etag();
}

public sealed class CounterState
{
    public int Value { get; set; }

    public List<int> History { get; set; } = [];
}

public sealed class CounterGrain([PersistentState("counter")] IPersistentState<CounterState> state) : Grain, ICounterGrain
{
    public async Task<int> Add(int amount)
    {
        state.State.Value += amount;
        state.State.History.Add(amount);
        await state.WriteStateAsync();
        return state.State.Value;
    }

    public Task<int> Get() => Task.FromResult(state.State.Value);

    public Task Clear() => state.ClearStateAsync();

    public Task<string?> Etag() => Task.FromResult(state.Etag);
}
