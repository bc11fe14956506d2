namespace Rayswarm.Domains.Monitor;

/// <summary>How many events of one event type (or one source domain) were counted, and the newest of them.</summary>
/// <param name="Count">Events counted (each event id once).</param>
/// <param name="LastSeen">When the bus stored the newest.</param>
/// <param name="LastPosition">The newest one's position in the bus's log: for an event type, an event at or below it is a
/// redelivery (each type is delivered in order).</param>
public sealed record MonitoredCount(long Count, DateTimeOffset LastSeen, long LastPosition);
