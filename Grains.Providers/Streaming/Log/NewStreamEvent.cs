namespace Rayswarm.Grains.Providers;

/// <summary>An event to append: its stream, a unique id (for idempotence) and the JSON payload.</summary>
/// <param name="Stream">The stream.</param>
/// <param name="EventId">The event's id; appending an id the log holds returns the stored event instead.</param>
/// <param name="Data">The JSON payload.</param>
/// <param name="FreshId">The id was minted for this append (a new GUID), so no stored event can have it and a log may
/// skip looking it up. Ids chosen by publishers are never fresh.</param>
public sealed record NewStreamEvent(StreamId Stream, string EventId, string Data, bool FreshId = false);
