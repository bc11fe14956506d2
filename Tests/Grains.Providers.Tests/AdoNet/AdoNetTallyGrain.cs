namespace Rayswarm.Grains.Providers.Tests.AdoNet;

public sealed class AdoNetTallyGrain(
    [PersistentState("count", AdoNetSiloServices.StorageName)] IPersistentState<AdoNetTestState> count) : Grain, IAdoNetTallyGrain
{
    public async Task<int> IncrementAsync()
    {
        count.State.Number++;
        await count.WriteStateAsync();
        return count.State.Number;
    }
}
