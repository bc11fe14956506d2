using System.Text.Json;

namespace Rayswarm.Domains.Monitor;

/// <summary>One counted event as the monitor keeps it in its recent lists.</summary>
/// <param name="EventId">The event's id.</param>
/// <param name="EventType">Its type.</param>
/// <param name="SourceDomain">The domain that published it.</param>
/// <param name="Timestamp">When the bus stored it.</param>
/// <param name="Position">Its position in the bus's log.</param>
/// <param name="Data">Its data (failures only, up to <see cref="MonitorTally.MaxFailureDataBytes"/> of JSON, else null).</param>
public sealed record MonitoredEvent(string EventId, string EventType, string SourceDomain, DateTimeOffset Timestamp, long Position, JsonElement? Data);
