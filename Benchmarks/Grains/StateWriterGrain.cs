namespace Rayswarm.Benchmarks;

public sealed class StateWriterGrain([PersistentState("bench", "Default")] IPersistentState<PayloadState> state) : Grain, IStateWriterGrain
{
    public async Task Write(string payload)
    {
        state.State.Data = payload;
        state.State.Writes++;
        await state.WriteStateAsync();
    }
}
