using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Hosting;
using Rayswarm.Grains.Interfaces;

namespace Rayswarm.Grains;

/// <summary>Registers hosted domains and the services that reach domains (<see cref="DomainResolver"/>, <see cref="DomainHttpClient"/>).</summary>
public static class DomainWorkerServiceCollectionExtensions
{
    /// <summary>The services every part of the domain system uses to reach domains; safe to call more than once.</summary>
    public static IServiceCollection AddDomainReach(this IServiceCollection services, Action<DomainHttpOptions>? configure = null)
    {
        ArgumentNullException.ThrowIfNull(services);
        if (configure is not null)
        {
            var options = new DomainHttpOptions();
            configure(options);
            options.Validate();
            services.RemoveAll<DomainHttpOptions>();
            services.AddSingleton(options);
        }
        services.TryAddSingleton(new DomainHttpOptions());
        services.TryAddSingleton(CatalogOf(services));
        services.TryAddSingleton<DomainResolver>();
        services.TryAddSingleton<DomainHttpClient>();
        // Registers the catalog's domains in the registry once the silo serves (nothing in a process without a silo).
        services.TryAddEnumerable(ServiceDescriptor.Singleton<IHostedService, HostedDomainRegistrar>());
        return services;
    }

    /// <summary>Hosts the domain <paramref name="domainId"/> in this silo as the grain class <typeparamref name="TGrain"/>; once
    /// the silo serves, it registers the domain in the registry as hosted (<see cref="HostedDomainRegistrar"/>).</summary>
    public static IServiceCollection AddDomainWorker<TGrain>(this IServiceCollection services, string domainId)
        where TGrain : Grain, IDomainWorkerGrain
    {
        ArgumentNullException.ThrowIfNull(services);
        DomainRegistration.ValidateDomainId(domainId);
        var grainType = DomainModuleValidation.GrainTypeOf(typeof(TGrain));
        CatalogOf(services).Add(domainId, grainType);
        return services.AddDomainReach();
    }

    /// <summary>Leaves the hosted domains out of the registry: no registration on start, no heartbeats (they are still
    /// reached through this silo's catalog). For tests that count every bus event, and hosts that register them themselves.</summary>
    public static IServiceCollection WithoutHostedDomainRegistration(this IServiceCollection services)
    {
        ArgumentNullException.ThrowIfNull(services);
        foreach (var descriptor in services.Where(d => d.ImplementationType == typeof(HostedDomainRegistrar)).ToList())
        {
            services.Remove(descriptor);
        }
        return services;
    }

    internal static HostedDomainCatalog CatalogOf(IServiceCollection services) =>
        services.FirstOrDefault(d => d.ServiceType == typeof(HostedDomainCatalog))?.ImplementationInstance as HostedDomainCatalog
        ?? AddCatalog(services);

    private static HostedDomainCatalog AddCatalog(IServiceCollection services)
    {
        var catalog = new HostedDomainCatalog();
        services.AddSingleton(catalog);
        return catalog;
    }
}
