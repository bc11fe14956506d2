using Microsoft.Extensions.DependencyInjection;
using Rayswarm.Grains.Providers;

namespace Rayswarm.Cluster.TestGrains;

/// <summary>Publishes to the stream ("bus", key) named by its own key; the returned sequence is the acknowledgement.</summary>
public interface IEventPublisherGrain : IGrainWithStringKey
{
    Task<long> Publish(int value);
}

public sealed class EventPublisherGrain : Grain, IEventPublisherGrain
{
    public async Task<long> Publish(int value) =>
        (await GrainContext.ActivationServices.GetRequiredService<IEventStreams>().PublishAsync(StreamId.Create("bus", this.GetPrimaryKeyString()), value)).Sequence;
}

/// <summary>Subscribes to a pattern and keeps every event it receives in its persisted state (so the record survives failover).</summary>
public interface IEventRecorderGrain : IGrainWithStringKey, IEventConsumer
{
    Task Subscribe(string streamNamespace, string pattern);

    [ReadOnly]
    Task<List<string>> Received();
}

[GenerateSerializer, Alias("rayswarm.tests.RecorderState")]
public sealed class RecorderState
{
    [Id(0)]
    public List<string> Received { get; set; } = [];
}

public sealed class EventRecorderGrain([PersistentState("received")] IPersistentState<RecorderState> state) : Grain, IEventRecorderGrain
{
    public async Task Subscribe(string streamNamespace, string pattern) =>
        await GrainContext.ActivationServices.GetRequiredService<IEventStreams>().SubscribeAsync(streamNamespace, pattern, this.GetGrainId());

    public Task<List<string>> Received() => Task.FromResult(state.State.Received);

    public async Task OnEvent(string subscription, StreamEvent streamEvent)
    {
        state.State.Received.Add($"{streamEvent.Stream.GetKeyAsString()}#{streamEvent.Sequence}");
        await state.WriteStateAsync();
    }
}
