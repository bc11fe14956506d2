using Microsoft.Extensions.DependencyInjection;

namespace Rayswarm.Grains;

/// <summary>One call that gives a silo the whole domain system: registry, reach to domains, event bus, shared memory,
/// workflows, reviews and the built-in domains. Hosts (the embedded gateway, the Silo executable, tests) call this and choose the
/// storage separately.</summary>
public static class DomainSystemServiceCollectionExtensions
{
    /// <summary>Adds the domain system's services with their defaults; a second call does nothing.</summary>
    public static IServiceCollection AddDomainSystem(this IServiceCollection services)
    {
        ArgumentNullException.ThrowIfNull(services);
        if (services.Any(d => d.ServiceType == typeof(DomainSystemAdded))) { return services; }
        services.AddSingleton<DomainSystemAdded>();
        services.AddSingleton<SiloRunState>();
        services.AddSingleton<ILifecycleParticipant<ISiloLifecycle>>(sp => sp.GetRequiredService<SiloRunState>());
        services.AddDomainMetrics();
        services.AddDomainReach();
        services.AddEventBus();
        services.AddSharedMemory();
        services.AddWorkflows();
        services.AddReviews();
        services.AddDomainWorker<MemoryDomainGrain>(MemoryDomainGrain.DomainId)
            .AddDomainSubscriptions(MemoryDomainGrain.DomainId, MemoryDomainGrain.DefaultSubscriptions);
        services.AddDomainWorker<EventsDomainGrain>(EventsDomainGrain.DomainId);
        return services;
    }
}

/// <summary>Marks a service collection that has the domain system (so that adding it twice is harmless).</summary>
internal sealed class DomainSystemAdded;
