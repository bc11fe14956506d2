using System.Collections.Concurrent;
using Rayswarm.Runtime.Abstractions;

namespace Rayswarm.Runtime.Tests;

public interface IReminderGrain : IGrainWithStringKey, IRemindable
{
    Task Register(string name, TimeSpan due, TimeSpan period);

    Task Unregister(string name);

    Task<string[]> Names();
}

/// <summary>Records every reminder tick it receives, by grain key.</summary>
public sealed class ReminderGrain : Grain, IReminderGrain
{
    public static readonly ConcurrentDictionary<string, ConcurrentQueue<(string Name, TickStatus Status)>> Ticks = new();

    public static (string Name, TickStatus Status)[] Of(string key) => Ticks.TryGetValue(key, out var q) ? [.. q] : [];

    public async Task Register(string name, TimeSpan due, TimeSpan period) => await RegisterOrUpdateReminder(name, due, period);

    public async Task Unregister(string name)
    {
        var reminder = await GetReminder(name) ?? throw new InvalidOperationException($"no reminder {name}");
        await UnregisterReminder(reminder);
    }

    public async Task<string[]> Names() => [.. (await GrainContext.GetReminders()).Select(r => r.ReminderName)];

    public Task ReceiveReminder(string reminderName, TickStatus status)
    {
        Ticks.GetOrAdd(this.GetPrimaryKeyString(), _ => new()).Enqueue((reminderName, status));
        return Task.CompletedTask;
    }
}
