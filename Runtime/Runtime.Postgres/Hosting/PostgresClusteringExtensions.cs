using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using Rayswarm.Runtime.Core;

namespace Rayswarm.Runtime.Postgres;

/// <summary>Keeps a cluster's shared state in PostgreSQL.</summary>
public static class PostgresClusteringExtensions
{
    /// <summary>
    /// Membership table and grain directory in the PostgreSQL database of <paramref name="connectionString"/>, scoped by
    /// the cluster id of <see cref="ClusterOptions"/>. Combine with <c>UseClustering</c>; grain state and reminders are
    /// chosen separately (<c>AddPostgresGrainStorage</c>, <c>UsePostgresReminders</c>).
    /// </summary>
    public static ISiloBuilder UsePostgresClustering(this ISiloBuilder builder, string connectionString)
    {
        ArgumentNullException.ThrowIfNull(builder);
        ArgumentException.ThrowIfNullOrEmpty(connectionString);
        return builder
            .UseMembershipTable(sp => new PostgresMembershipTable(sp.GetRequiredService<IOptions<ClusterOptions>>().Value.ClusterId, new PostgresStorageOptions { ConnectionString = connectionString }))
            .UseGrainDirectory(sp => new PostgresGrainDirectory(connectionString, sp.GetRequiredService<IOptions<ClusterOptions>>().Value.ClusterId));
    }
}
