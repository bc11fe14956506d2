using System.Collections.Concurrent;
using Rayswarm.Runtime.Abstractions;

namespace Rayswarm.Runtime.Tests;

public interface ILifecycleGrain : IGrainWithStringKey
{
    Task<int> Ping();

    Task<int> Hold(string gate);

    Task Deactivate();

    Task StartTimer(string gate, TimeSpan due, TimeSpan period);
}

/// <summary>What lifecycle grains did, by key, for tests to read.</summary>
public static class LifecycleLog
{
    public static readonly ConcurrentDictionary<string, int> Activations = new();
    public static readonly ConcurrentDictionary<string, ConcurrentQueue<string>> Events = new();

    public static void Add(string key, string e) => Events.GetOrAdd(key, _ => new()).Enqueue(e);

    public static string[] Of(string key) => Events.TryGetValue(key, out var q) ? [.. q] : [];
}

public class LifecycleGrain : Grain, ILifecycleGrain
{
    private int _pings;
    private int _ticks;

    public override Task OnActivateAsync(CancellationToken cancellationToken)
    {
        var key = this.GetPrimaryKeyString();
        LifecycleLog.Activations.AddOrUpdate(key, 1, (_, n) => n + 1);
        LifecycleLog.Add(key, "activate");
        return Task.CompletedTask;
    }

    public override async Task OnDeactivateAsync(DeactivationReason reason, CancellationToken cancellationToken)
    {
        await Task.Yield();
        LifecycleLog.Add(this.GetPrimaryKeyString(), "deactivate:" + reason);
    }

    public Task<int> Ping() => Task.FromResult(++_pings);

    public async Task<int> Hold(string gate)
    {
        LifecycleLog.Add(this.GetPrimaryKeyString(), "hold");
        await Gates.Pass(gate);
        LifecycleLog.Add(this.GetPrimaryKeyString(), "released");
        return ++_pings;
    }

    public Task Deactivate()
    {
        DeactivateOnIdle();
        return Task.CompletedTask;
    }

    public Task StartTimer(string gate, TimeSpan due, TimeSpan period)
    {
        RegisterGrainTimer(async ct =>
        {
            var n = ++_ticks;
            LifecycleLog.Add(this.GetPrimaryKeyString(), "tick" + n);
            if (n == 1) { await Gates.Pass(gate); }
        }, due, period);
        return Task.CompletedTask;
    }
}

[CollectionAgeLimit(Minutes = 2)]
public sealed class ShortLivedGrain : LifecycleGrain, IShortLivedGrain;

public interface IShortLivedGrain : ILifecycleGrain;
