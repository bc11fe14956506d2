
namespace Rayswarm.Grains.Interfaces;

/// <summary>One registered domain, keyed by its domain id: its registration, heartbeats and health.</summary>
[Alias("rayswarm.IDomainGrain")]
public interface IDomainGrain : IGrainWithStringKey
{
    /// <summary>Registers the domain, or updates its registration; announces <see cref="RegistryEvents.Registered"/>. The answer
    /// carries a new bearer token (<see cref="DomainInfo.Token"/>) that the cluster sends with every call to the domain.
    /// Throws <see cref="ArgumentException"/> naming an invalid field, or when the id does not match this grain's key, and
    /// <see cref="ConflictException"/> while a healthy hosted domain has this id (hosted domains win).</summary>
    Task<DomainInfo> Register(DomainRegistration registration);

    /// <summary>Registers the domain as hosted in the cluster (<see cref="DomainKinds.Hosted"/>); called by every silo that
    /// hosts it on start and then every heartbeat interval. The same registration again counts as a heartbeat (no
    /// <see cref="RegistryEvents.Registered"/>; an unhealthy domain recovers); a new or changed one replaces whatever was
    /// registered under the id and is announced. Throws <see cref="ArgumentException"/> naming an invalid field.</summary>
    Task<DomainInfo> RegisterHosted(HostedDomainRegistration registration);

    /// <summary>Records a heartbeat; an unhealthy domain becomes healthy. Throws <see cref="KeyNotFoundException"/> when not
    /// registered, and <see cref="ConflictException"/> for a hosted domain (only the silos hosting it send its heartbeats,
    /// through <see cref="RegisterHosted"/>).</summary>
    Task<DomainInfo> Heartbeat();

    /// <summary>The domain with its peers; null when not registered.</summary>
    [ReadOnly]
    Task<DomainInfo?> Get();

    /// <summary>The domain without computing its peers (<see cref="DomainInfo.Peers"/> is empty); null when not registered.</summary>
    [ReadOnly]
    Task<DomainInfo?> GetSnapshot();

    /// <summary>How the cluster reaches the domain, with an endpoint domain's bearer token; null when not registered.</summary>
    [ReadOnly]
    Task<DomainReach?> GetReach();

    /// <summary>Removes the domain from the registry; false when it was not registered.</summary>
    Task<bool> Unregister();
}
