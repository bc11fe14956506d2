using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Hosting;

namespace Rayswarm.Grains;

/// <summary>Hosts domain modules in a silo (<see cref="DomainModule"/>): their services, their worker grain as a hosted
/// domain (registered in the registry once the silo serves, <see cref="HostedDomainRegistrar"/>) and their knowledge
/// folder (<see cref="KnowledgeFolderSync"/>).</summary>
public static class DomainModuleServiceCollectionExtensions
{
    /// <summary>Hosts the modules enabled by configuration (<see cref="DomainModuleSelection"/>) among <paramref name="known"/>,
    /// and every module of <paramref name="alwaysEnabled"/> (e.g. those found in a <c>--grain-assembly</c>). Throws
    /// <see cref="InvalidOperationException"/> for an unknown name or a module that breaks <see cref="DomainModuleValidation"/>.</summary>
    public static IServiceCollection AddDomainModules(this IServiceCollection services, IConfiguration configuration,
        IEnumerable<DomainModule> known, IEnumerable<DomainModule>? alwaysEnabled = null)
    {
        ArgumentNullException.ThrowIfNull(services);
        ArgumentNullException.ThrowIfNull(configuration);
        var extra = alwaysEnabled?.ToArray() ?? [];
        var modules = DomainModuleSelection.Enabled(configuration, [.. known, .. extra]).Concat(extra)
            .DistinctBy(m => m.DomainId, StringComparer.Ordinal);
        foreach (var module in modules)
        {
            services.AddDomainModule(module, configuration[DomainModuleSelection.KnowledgeKey(module.DomainId)]);
        }
        return services;
    }

    /// <summary>Hosts <paramref name="module"/>: checks it, adds its services, its worker grain as the hosted domain
    /// <see cref="DomainModule.DomainId"/> with its capabilities, and its knowledge folder (<paramref name="knowledgeFolder"/>
    /// when given, else <see cref="DomainModule.KnowledgeFolder"/> next to its assembly) when it has one.</summary>
    public static IServiceCollection AddDomainModule(this IServiceCollection services, DomainModule module, string? knowledgeFolder = null)
    {
        ArgumentNullException.ThrowIfNull(services);
        DomainModuleValidation.Validate(module);
        module.ConfigureServices(services);
        DomainWorkerServiceCollectionExtensions.CatalogOf(services)
            .Add(module.DomainId, DomainModuleValidation.GrainTypeOf(module.WorkerGrain), [.. module.Capabilities]);
        services.AddSingleton(module);
        services.AddDomainSubscriptions(module.DomainId, module.Subscriptions);
        var folder = knowledgeFolder is { Length: > 0 }
            ? Path.GetFullPath(knowledgeFolder)
            : module.KnowledgeFolder is { Length: > 0 } relative
                ? Path.GetFullPath(Path.Combine(Path.GetDirectoryName(module.GetType().Assembly.Location) ?? AppContext.BaseDirectory, relative))
                : null;
        if (folder is not null)
        {
            services.AddSingleton(new KnowledgeSource(module.DomainId, folder));
            services.TryAddEnumerable(ServiceDescriptor.Singleton<IHostedService, KnowledgeFolderSync>());
        }
        return services.AddDomainReach();
    }
}
