namespace Rayswarm.Grains.Interfaces;

/// <summary>The event-bus streams the registry publishes to; each event's data is the domain's <see cref="DomainInfo"/>.</summary>
public static class RegistryEvents
{
    /// <summary>The stream namespace of the event bus.</summary>
    public const string Namespace = "events";

    /// <summary>A domain registered (or re-registered with new details).</summary>
    public const string Registered = "domain.registered";

    /// <summary>A domain missed its heartbeats and became unhealthy.</summary>
    public const string Unhealthy = "domain.unhealthy";

    /// <summary>An unhealthy domain sent a heartbeat and is healthy again.</summary>
    public const string Recovered = "domain.recovered";

    /// <summary>A domain unregistered.</summary>
    public const string Unregistered = "domain.unregistered";
}
