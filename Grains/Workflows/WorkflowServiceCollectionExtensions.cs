using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;

namespace Rayswarm.Grains;

/// <summary>Configures the workflow grains: their options, the step runner, the audit signer and the index store.</summary>
public static class WorkflowServiceCollectionExtensions
{
    /// <summary>Registers the workflow services; <paramref name="configure"/> replaces earlier options. Safe to call more than
    /// once. Until an index store is chosen, creating, listing and counting workflows fail saying how to choose one.</summary>
    public static IServiceCollection AddWorkflows(this IServiceCollection services, Action<WorkflowOptions>? configure = null)
    {
        ArgumentNullException.ThrowIfNull(services);
        services.AddDomainReach();
        if (configure is not null)
        {
            var options = new WorkflowOptions();
            configure(options);
            options.Validate();
            services.RemoveAll<WorkflowOptions>();
            services.AddSingleton(options);
        }
        services.TryAddSingleton(new WorkflowOptions());
        services.TryAddSingleton(new WorkflowSigningOptions());
        services.TryAddSingleton<WorkflowSigner>();
        // Endpoint domains' bearer tokens are derived from the same cluster key (DomainTokens).
        services.TryAddSingleton<DomainTokens>();
        services.TryAddSingleton<WorkflowStepRunner>();
        services.TryAddSingleton<IWorkflowIndexStore>(UnconfiguredWorkflowIndexStore.Instance);
        return services;
    }

    /// <summary>Keeps the workflow index in the SQLite file at <paramref name="databasePath"/> (may be the silo's database).</summary>
    public static IServiceCollection AddSqliteWorkflowIndex(this IServiceCollection services, string databasePath)
    {
        ArgumentNullException.ThrowIfNull(services);
        ArgumentException.ThrowIfNullOrWhiteSpace(databasePath);
        var store = new SqliteWorkflowIndexStore(new SqliteStorageOptions { DatabasePath = databasePath });
        return services.Replace(ServiceDescriptor.Singleton<IWorkflowIndexStore>(store));
    }

    /// <summary>Keeps the workflow index in the PostgreSQL database of <paramref name="connectionString"/> (cluster mode).</summary>
    public static IServiceCollection AddPostgresWorkflowIndex(this IServiceCollection services, string connectionString)
    {
        ArgumentNullException.ThrowIfNull(services);
        ArgumentException.ThrowIfNullOrWhiteSpace(connectionString);
        return services.Replace(ServiceDescriptor.Singleton<IWorkflowIndexStore>(_ =>
            new PostgresWorkflowIndexStore(new PostgresStorageOptions { ConnectionString = connectionString })));
    }

    /// <summary>Sets where the audit signing key comes from (<see cref="WorkflowSigningOptions"/>); hosts call this once.</summary>
    public static IServiceCollection AddWorkflowSigning(this IServiceCollection services, Action<WorkflowSigningOptions> configure)
    {
        ArgumentNullException.ThrowIfNull(services);
        ArgumentNullException.ThrowIfNull(configure);
        var options = new WorkflowSigningOptions();
        configure(options);
        services.RemoveAll<WorkflowSigningOptions>();
        return services.AddSingleton(options);
    }
}
