using System.Text.Json;
using System.Text.Json.Serialization;
using Rayswarm.Grains.Interfaces;

namespace Rayswarm.Grains;

/// <summary>
/// How bus events are stored: a stream of namespace <see cref="IEventBusGrain.StreamNamespace"/> per event type, whose payload is
/// <c>{"source_domain": …, "data": {…}}</c>. Events other parts of the system put on the namespace directly (the registry's
/// <c>domain.*</c> announcements) read back with their whole payload as data and "registry" (or "system") as source.
/// Other slices publish through <see cref="PublishDomainEventAsync"/> to skip the entry grain's hop.
/// </summary>
public static class BusEvents
{
    /// <summary>The source of events the registry announced.</summary>
    public const string RegistrySource = "registry";

    /// <summary>The source of other events put on the namespace without the bus's envelope.</summary>
    public const string SystemSource = "system";

    private static readonly JsonElement s_emptyObject = JsonDocument.Parse("{}").RootElement.Clone();

    /// <summary>Validates and stores <paramref name="request"/> (durable once this completes) and returns the stored event. Throws
    /// <see cref="ClusterUnavailableException"/> when the silo's event log has stopped (nothing was stored).</summary>
    public static async Task<DomainEvent> PublishDomainEventAsync(this IEventStreams streams, PublishRequest request)
    {
        ArgumentNullException.ThrowIfNull(streams);
        ArgumentNullException.ThrowIfNull(request, "request");
        request.Validate();
        var data = request.Data is { ValueKind: JsonValueKind.Object } given ? given : s_emptyObject;
        StreamEvent stored;
        try
        {
            stored = await streams.PublishAsync(
                StreamId.Create(IEventBusGrain.StreamNamespace, request.EventType), new Envelope(request.SourceDomain, data), request.EventId);
        }
        catch (EventLogStoppedException e)
        {
            throw StreamFailures.Unavailable($"store the event '{request.EventType}'", e); // the silo stops: publish again
        }
        return new DomainEvent(stored.EventId, request.EventType, request.SourceDomain, data, stored.PublishedAt, stored.Position);
    }

    /// <summary>The bus's view of a stored event.</summary>
    public static DomainEvent ToDomainEvent(StreamEvent streamEvent)
    {
        ArgumentNullException.ThrowIfNull(streamEvent);
        var type = streamEvent.Stream.GetKeyAsString();
        using var document = JsonDocument.Parse(streamEvent.Data);
        var root = document.RootElement;
        string source;
        JsonElement data;
        if (root.ValueKind == JsonValueKind.Object
            && root.TryGetProperty("source_domain", out var sourceElement) && sourceElement.ValueKind == JsonValueKind.String
            && root.TryGetProperty("data", out var dataElement))
        {
            source = sourceElement.GetString()!;
            data = dataElement.Clone();
        }
        else
        {
            source = type is RegistryEvents.Registered or RegistryEvents.Unhealthy or RegistryEvents.Recovered or RegistryEvents.Unregistered
                ? RegistrySource
                : SystemSource;
            data = root.Clone();
        }
        return new DomainEvent(streamEvent.EventId, type, source, data, streamEvent.PublishedAt, streamEvent.Position);
    }

    /// <summary>The stored payload of a bus event.</summary>
    private sealed record Envelope(
        [property: JsonPropertyName("source_domain")] string SourceDomain,
        [property: JsonPropertyName("data")] JsonElement Data);
}
