using Microsoft.Extensions.DependencyInjection;

namespace Rayswarm.Grains;

/// <summary>One call that gives a silo the whole domain system: registry, reach to domains, event bus, shared memory,
/// workflows and the built-in domains. Hosts (the embedded gateway, the Silo executable, tests) call this and choose the
/// storage separately.</summary>
public static class DomainSystemServiceCollectionExtensions
{
    /// <summary>Adds the domain system's services with their defaults.</summary>
    public static IServiceCollection AddDomainSystem(this IServiceCollection services)
    {
        ArgumentNullException.ThrowIfNull(services);
        services.AddDomainReach();
        services.AddEventBus();
        services.AddSharedMemory();
        services.AddWorkflows();
        services.AddDomainWorker<MemoryDomainGrain>(MemoryDomainGrain.DomainId);
        services.AddDomainWorker<EventsDomainGrain>(EventsDomainGrain.DomainId);
        return services;
    }
}
