using System.Collections.Concurrent;

namespace Rayswarm.Cluster.TestGrains;

/// <summary>A grain with a durable reminder; each tick is recorded with the silo that delivered it.</summary>
public interface IAlarmGrain : IGrainWithStringKey, IRemindable
{
    Task Set(TimeSpan period);
}

public sealed class AlarmGrain : Grain, IAlarmGrain
{
    /// <summary>Ticks by grain key: the silo that ran the grain for each tick (in-process test clusters read this).</summary>
    public static readonly ConcurrentDictionary<string, ConcurrentQueue<string>> Ticks = new();

    public async Task Set(TimeSpan period) => await this.RegisterOrUpdateReminder("alarm", TimeSpan.Zero, period);

    public Task ReceiveReminder(string reminderName, TickStatus status)
    {
        Ticks.GetOrAdd(this.GetPrimaryKeyString(), _ => new()).Enqueue(CounterGrain.SiloName(GrainContext.ActivationServices));
        return Task.CompletedTask;
    }
}
