using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Options;

namespace Rayswarm.Grains;

/// <summary>Configures the shared memory and chooses its knowledge store.</summary>
public static class SharedMemoryServiceCollectionExtensions
{
    /// <summary>The shared memory's services. Until a store is chosen, its grains fail saying how to choose one.</summary>
    public static IServiceCollection AddSharedMemory(this IServiceCollection services)
    {
        ArgumentNullException.ThrowIfNull(services);
        services.TryAddSingleton<IKnowledgeStore>(UnconfiguredKnowledgeStore.Instance);
        services.AddOptions<MemoryReviewOptions>().BindConfiguration(MemoryReviewOptions.Section).ValidateOnStart();
        services.TryAddEnumerable(ServiceDescriptor.Singleton<IValidateOptions<MemoryReviewOptions>, MemoryReviewOptionsValidator>());
        return services;
    }

    /// <summary>Keeps the shared memory in the SQLite file at <paramref name="databasePath"/> (may be the silo's database).</summary>
    public static IServiceCollection AddSqliteKnowledgeStore(this IServiceCollection services, string databasePath)
    {
        ArgumentNullException.ThrowIfNull(services);
        ArgumentException.ThrowIfNullOrWhiteSpace(databasePath);
        var store = new SqliteKnowledgeStore(new SqliteStorageOptions { DatabasePath = databasePath });
        return services.Replace(ServiceDescriptor.Singleton<IKnowledgeStore>(store));
    }

    /// <summary>Keeps the shared memory in the PostgreSQL database of <paramref name="connectionString"/> (cluster mode).</summary>
    public static IServiceCollection AddPostgresKnowledgeStore(this IServiceCollection services, string connectionString)
    {
        ArgumentNullException.ThrowIfNull(services);
        ArgumentException.ThrowIfNullOrWhiteSpace(connectionString);
        return services.Replace(ServiceDescriptor.Singleton<IKnowledgeStore>(_ => new PostgresKnowledgeStore(new PostgresStorageOptions { ConnectionString = connectionString })));
    }
}
