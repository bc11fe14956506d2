namespace Rayswarm.Grains.Providers;

/// <summary>
/// One stored event. <see cref="Sequence"/> orders the events of one stream (1, 2, 3, …); <see cref="EventId"/> is unique
/// and stable across redeliveries, for idempotent handlers; <see cref="Data"/> is the payload as JSON; <see cref="Position"/>
/// is its place in the whole log (increasing in append order across streams; 0 where a store does not keep it, as in dead letters).
/// </summary>
[GenerateSerializer, Immutable, Alias("rayswarm.streams.StreamEvent")]
public sealed record StreamEvent(StreamId Stream, long Sequence, string EventId, DateTimeOffset PublishedAt, string Data, long Position = 0)
{
    /// <summary>The payload as <typeparamref name="T"/> (System.Text.Json, tolerant of added and removed members).</summary>
    public T? As<T>() => System.Text.Json.JsonSerializer.Deserialize<T>(Data, StreamJson.Options);
}
