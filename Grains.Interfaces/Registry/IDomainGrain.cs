using Rayswarm.Runtime.Abstractions;

namespace Rayswarm.Grains.Interfaces;

/// <summary>One registered domain, keyed by its domain id: its registration, heartbeats and health.</summary>
public interface IDomainGrain : IGrainWithStringKey
{
    /// <summary>Registers the domain, or updates its registration (idempotent); announces <see cref="RegistryEvents.Registered"/>.
    /// Throws <see cref="ArgumentException"/> naming an invalid field, or when the id does not match this grain's key.</summary>
    Task<DomainInfo> Register(DomainRegistration registration);

    /// <summary>Records a heartbeat; an unhealthy domain becomes healthy. Throws <see cref="KeyNotFoundException"/> when not registered.</summary>
    Task<DomainInfo> Heartbeat();

    /// <summary>The domain with its peers; null when not registered.</summary>
    [ReadOnly]
    Task<DomainInfo?> Get();

    /// <summary>The domain without computing its peers (<see cref="DomainInfo.Peers"/> is empty); null when not registered.</summary>
    [ReadOnly]
    Task<DomainInfo?> GetSnapshot();

    /// <summary>Removes the domain from the registry; false when it was not registered.</summary>
    Task<bool> Unregister();
}
