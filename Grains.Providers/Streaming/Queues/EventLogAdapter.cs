using System.Text.Json;
using Orleans.Streams;

namespace Rayswarm.Grains.Providers;

/// <summary>
/// Orleans' side of the event log: <c>OnNextAsync</c> on a stream of the provider appends each item (as JSON, with a fresh
/// event id) to the log through the silo's group commit; each queue reads one log partition.
/// </summary>
internal sealed class EventLogAdapter(string name, EventLogRuntime runtime) : IQueueAdapter
{
    public string Name => name;

    public bool IsRewindable => false;

    public StreamProviderDirection Direction => StreamProviderDirection.ReadWrite;

    public async Task QueueMessageBatchAsync<T>(StreamId streamId, IEnumerable<T> events, StreamSequenceToken? token, Dictionary<string, object>? requestContext)
    {
        ArgumentNullException.ThrowIfNull(events);
        StreamIdText.Validate(streamId, nameof(streamId));
        if (token is not null) { throw new ArgumentException("The event log assigns positions itself: publish without a sequence token.", nameof(token)); }
        var appends = events
            .Select(item => runtime.AppendAsync(NewStreamEvent.WithMintedId(streamId, JsonSerializer.Serialize(item, StreamJson.Options))))
            .ToList();
        await Task.WhenAll(appends);
    }

    public IQueueAdapterReceiver CreateReceiver(QueueId queueId) => new EventLogReceiver(runtime, EventLogQueueMapper.PartitionOf(queueId));
}
