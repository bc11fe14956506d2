using System.Text.Json;
using Orleans.Providers.Streams.Common;
using Orleans.Streams;

namespace Rayswarm.Grains.Providers;

/// <summary>
/// One stored event as Orleans delivers it; its sequence token is the event's log position. Consumers of
/// <see cref="StreamEvent"/> (or object) get the event itself; consumers of another type get the JSON payload deserialized
/// (nothing when it does not deserialize to that type).
/// </summary>
[GenerateSerializer, Immutable, Alias("rayswarm.streams.EventLogBatchContainer")]
internal sealed class EventLogBatchContainer(StreamEvent streamEvent) : IBatchContainer
{
    [Id(0)]
    public StreamEvent Event { get; } = streamEvent;

    [Id(1)]
    public EventSequenceTokenV2 Token { get; } = new(streamEvent.Position);

    public StreamId StreamId => Event.Stream;

    public StreamSequenceToken SequenceToken => Token;

    public IEnumerable<Tuple<T, StreamSequenceToken>> GetEvents<T>()
    {
        if (Event is T self) { return [Tuple.Create(self, (StreamSequenceToken)Token)]; }
        T? payload;
        try
        {
            payload = JsonSerializer.Deserialize<T>(Event.Data, StreamJson.Options);
        }
        catch (JsonException)
        {
            return [];
        }
        return payload is null ? [] : [Tuple.Create(payload, (StreamSequenceToken)Token)];
    }

    public bool ImportRequestContext() => false;

    public override string ToString() => $"{Event.Stream}#{Event.Sequence}@{Event.Position}";
}
