using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;

namespace Rayswarm.Grains;

/// <summary>Chooses where reviews (approvals of workflow steps, reviews of contributions) are kept.</summary>
public static class ReviewServiceCollectionExtensions
{
    /// <summary>Registers the review services; until a store is chosen every review call fails saying how to choose one.</summary>
    public static IServiceCollection AddReviews(this IServiceCollection services)
    {
        ArgumentNullException.ThrowIfNull(services);
        services.TryAddSingleton<IReviewStore>(UnconfiguredReviewStore.Instance);
        return services;
    }

    /// <summary>Keeps the reviews in the SQLite file at <paramref name="databasePath"/> (may be the silo's database).</summary>
    public static IServiceCollection AddSqliteReviews(this IServiceCollection services, string databasePath)
    {
        ArgumentNullException.ThrowIfNull(services);
        ArgumentException.ThrowIfNullOrWhiteSpace(databasePath);
        var store = new SqliteReviewStore(new SqliteStorageOptions { DatabasePath = databasePath });
        return services.Replace(ServiceDescriptor.Singleton<IReviewStore>(store));
    }

    /// <summary>Keeps the reviews in the PostgreSQL database of <paramref name="connectionString"/> (cluster mode).</summary>
    public static IServiceCollection AddPostgresReviews(this IServiceCollection services, string connectionString)
    {
        ArgumentNullException.ThrowIfNull(services);
        ArgumentException.ThrowIfNullOrWhiteSpace(connectionString);
        return services.Replace(ServiceDescriptor.Singleton<IReviewStore>(_ =>
            new PostgresReviewStore(new PostgresStorageOptions { ConnectionString = connectionString })));
    }
}
