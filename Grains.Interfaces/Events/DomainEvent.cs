using System.Text.Json;

namespace Rayswarm.Grains.Interfaces;

/// <summary>One event of the domain event bus, as subscribers and history readers see it.</summary>
/// <param name="EventId">The event's unique id.</param>
/// <param name="EventType">Its type, dot-separated ("ml.prediction"); subscriptions match it with patterns ("ml.*", "*").</param>
/// <param name="SourceDomain">The domain that published it.</param>
/// <param name="Data">Its JSON payload (an object; empty when none was given).</param>
/// <param name="Timestamp">When the bus stored it.</param>
/// <param name="Position">Its position in the bus's log (increasing in publish order across all types).</param>
[GenerateSerializer, Immutable, Alias("rayswarm.DomainEvent")]
public sealed record DomainEvent(
    string EventId,
    string EventType,
    string SourceDomain,
    JsonElement Data,
    DateTimeOffset Timestamp,
    long Position);
