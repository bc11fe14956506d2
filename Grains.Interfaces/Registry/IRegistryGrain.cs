
namespace Rayswarm.Grains.Interfaces;

/// <summary>The registry's entry point (a stateless worker, key <see cref="Key"/>): forwards per-domain calls to
/// <see cref="IDomainGrain"/> and answers registry-wide queries by asking every index partition in parallel.</summary>
[Alias("rayswarm.IRegistryGrain")]
public interface IRegistryGrain : IGrainWithStringKey
{
    /// <summary>The well-known key.</summary>
    const string Key = "registry";

    /// <summary>Registers or updates a domain; see <see cref="IDomainGrain.Register"/>.</summary>
    Task<DomainInfo> Register(DomainRegistration registration);

    /// <summary>Registers a domain hosted in the cluster; see <see cref="IDomainGrain.RegisterHosted"/>. Used by silos only.</summary>
    Task<DomainInfo> RegisterHosted(HostedDomainRegistration registration);

    /// <summary>The index entries of the hosted domains (id, capabilities, health, worker grain type), sorted by id: what
    /// reaching them and listing their actions needs, read from the index partitions only.</summary>
    Task<IReadOnlyList<RegistryEntry>> ListHosted();

    /// <summary>Records a heartbeat; see <see cref="IDomainGrain.Heartbeat"/>.</summary>
    Task<DomainInfo> Heartbeat(string domainId);

    /// <summary>Removes a domain registered with a port or endpoint and announces <see cref="RegistryEvents.Unregistered"/>; false
    /// when it was not registered. A domain hosted in the cluster while a silo hosts it (healthy) is refused with
    /// <see cref="ConflictException"/>: its silos would register it again.</summary>
    Task<bool> Unregister(string domainId);

    /// <summary>One domain with its peers; null when not registered.</summary>
    Task<DomainInfo?> Get(string domainId);

    /// <summary>Every registered domain, sorted by id.</summary>
    Task<IReadOnlyList<DomainInfo>> List();

    /// <summary>Each capability with the ids of the domains offering it, both sorted.</summary>
    Task<IReadOnlyDictionary<string, IReadOnlyList<string>>> GetCapabilityMap();

    /// <summary>The domains offering <paramref name="capability"/>, sorted by id.</summary>
    Task<IReadOnlyList<DomainInfo>> FindByCapability(string capability);

    /// <summary>Counts over the whole registry.</summary>
    Task<RegistryStats> GetStats();
}
