namespace Rayswarm.Grains.Providers.Tests.AdoNet;

public sealed class AdoNetCounterGrain(
    [PersistentState("count", AdoNetSiloServices.StorageName)] IPersistentState<AdoNetTestState> count) : Grain, IAdoNetCounterGrain, IRemindable
{
    public const string ReminderName = "tick";

    public async Task<int> IncrementAsync()
    {
        count.State.Number++;
        await count.WriteStateAsync();
        await this.RegisterOrUpdateReminder(ReminderName, TimeSpan.FromHours(1), TimeSpan.FromHours(1));
        return count.State.Number;
    }

    public Task ReceiveReminder(string reminderName, TickStatus status) => Task.CompletedTask;
}
