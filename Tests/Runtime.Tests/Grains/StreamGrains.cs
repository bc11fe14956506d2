using System.Collections.Concurrent;
using Rayswarm.Runtime.Abstractions;

namespace Rayswarm.Runtime.Tests;

/// <summary>A consumer grain that records what it receives and can be told to fail.</summary>
public interface IRecorderGrain : IGrainWithStringKey, IStreamConsumer
{
    Task Subscribe(string streamNamespace, string pattern);
}

public sealed class RecorderGrain : Grain, IRecorderGrain
{
    public static readonly ConcurrentDictionary<string, ConcurrentQueue<StreamEvent>> Received = new();

    /// <summary>Keys whose next deliveries fail (count down).</summary>
    public static readonly ConcurrentDictionary<string, int> FailNext = new();

    public static StreamEvent[] Of(string key) => Received.TryGetValue(key, out var q) ? [.. q] : [];

    public async Task Subscribe(string streamNamespace, string pattern) =>
        await this.GetStreamProvider().SubscribeAsync(streamNamespace, pattern, GrainId);

    public Task OnEvent(string subscription, StreamEvent streamEvent)
    {
        var key = this.GetPrimaryKeyString();
        if (FailNext.TryGetValue(key, out var n) && n > 0)
        {
            FailNext[key] = n - 1;
            throw new InvalidOperationException($"handler failure for {streamEvent.EventId}");
        }
        Received.GetOrAdd(key, _ => new()).Enqueue(streamEvent);
        return Task.CompletedTask;
    }
}

/// <summary>Activated for every stream of the "orders" namespace, keyed by the stream key.</summary>
[ImplicitStreamSubscription("orders")]
public sealed class OrderAuditGrain : Grain, IOrderAuditGrain
{
    public static readonly ConcurrentDictionary<string, ConcurrentQueue<long>> Seen = new();

    public Task OnEvent(string subscription, StreamEvent streamEvent)
    {
        Seen.GetOrAdd(this.GetPrimaryKeyString(), _ => new()).Enqueue(streamEvent.Sequence);
        return Task.CompletedTask;
    }
}

public interface IOrderAuditGrain : IGrainWithStringKey, IStreamConsumer;
