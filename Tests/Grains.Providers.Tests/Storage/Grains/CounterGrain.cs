namespace Rayswarm.Grains.Providers.Tests.Storage;

/// <summary>Keeps its count in the storage named <see cref="StorageName"/> and its notes in the default storage.</summary>
public sealed class CounterGrain(
    [PersistentState("count", CounterGrain.StorageName)] IPersistentState<CounterState> count,
    [PersistentState("notes")] IPersistentState<NotesState> notes) : Grain, ICounterGrain
{
    public const string StorageName = "sqlite";

    public async Task<int> Add(int amount, string note)
    {
        count.State.Count += amount;
        notes.State.Notes.Add(note);
        await count.WriteStateAsync();
        await notes.WriteStateAsync();
        return count.State.Count;
    }

    public Task<CounterSnapshot> Get() =>
        Task.FromResult(new CounterSnapshot(count.State.Count, count.RecordExists, [.. notes.State.Notes], notes.RecordExists));

    public async Task Clear()
    {
        await count.ClearStateAsync();
        await notes.ClearStateAsync();
    }
}
