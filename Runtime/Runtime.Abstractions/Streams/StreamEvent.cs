namespace Rayswarm.Runtime.Abstractions;

/// <summary>
/// One stored event. <see cref="Sequence"/> orders the events of one stream (1, 2, 3, …); <see cref="EventId"/> is unique
/// and stable across redeliveries, for idempotent handlers; <see cref="Data"/> is the payload as JSON.
/// </summary>
public sealed record StreamEvent(StreamId Stream, long Sequence, string EventId, DateTimeOffset PublishedAt, string Data)
{
    /// <summary>The payload as <typeparamref name="T"/> (System.Text.Json, tolerant of added and removed members).</summary>
    public T? As<T>() => System.Text.Json.JsonSerializer.Deserialize<T>(Data, StreamJson.Options);
}
