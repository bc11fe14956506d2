namespace Rayswarm.Grains.Providers;

/// <summary>An event to append: its stream, a unique id (for idempotence) and the JSON payload.</summary>
/// <param name="Stream">The stream.</param>
/// <param name="EventId">The event's id; appending an id the log holds returns the stored event instead.</param>
/// <param name="Data">The JSON payload.</param>
/// <param name="FreshId">The id was minted for this append (<see cref="WithMintedId"/>), so no stored event can have it and a
/// log may skip looking it up. Ids chosen by publishers are never fresh.</param>
public sealed record NewStreamEvent(StreamId Stream, string EventId, string Data, bool FreshId = false)
{
    /// <summary>An event with a newly minted id: a version 7 GUID as 32 hex digits. Its first 48 bits are the time in
    /// milliseconds, so the ids of new events sort after the stored ones and the log's unique index on them grows at its
    /// end. Random ids landed on a random page of that index each; on SQLite that made an append of a large log cost about
    /// three times as much, most of it in writing the touched pages to the WAL again.</summary>
    public static NewStreamEvent WithMintedId(StreamId stream, string data) =>
        new(stream, Guid.CreateVersion7().ToString("N"), data, FreshId: true);
}
