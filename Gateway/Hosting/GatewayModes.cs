using Rayswarm.Grains;
using Rayswarm.Runtime.Abstractions;
using Rayswarm.Runtime.Core;
using Rayswarm.Runtime.Postgres;
using Rayswarm.Runtime.Sqlite;

namespace Rayswarm.Gateway;

/// <summary>The two ways the gateway reaches grains: a silo in its own process, or a client of a cluster.</summary>
internal static class GatewayModes
{
    /// <summary>Embedded: a silo in this process, everything in one SQLite file under the data dir.</summary>
    public static void AddEmbeddedSilo(this WebApplicationBuilder builder, GatewayOptions options)
    {
        Directory.CreateDirectory(Path.GetDirectoryName(options.DatabasePath)!);
        builder.Services.AddSqliteKnowledgeStore(options.DatabasePath);
        builder.Services.AddSqliteWorkflowIndex(options.DatabasePath);
        builder.Services.AddWorkflowSigning(o => o.KeyFile = Path.Combine(Path.GetFullPath(options.DataDir), "signing-key.pem"));
        builder.UseSilo(silo => silo
            .AddSqliteGrainStorage(GrainStorageNames.Default, o => o.DatabasePath = options.DatabasePath)
            .UseSqliteReminders(o => o.DatabasePath = options.DatabasePath)
            .AddStreams()
            .UseSqliteStreamLog(o => o.DatabasePath = options.DatabasePath));
    }

    /// <summary>Cluster: grains live in the Silo processes found in the PostgreSQL membership table; the gateway only
    /// forwards calls. The client connects before the gateway starts serving.</summary>
    public static void AddClusterClient(this WebApplicationBuilder builder, GatewayOptions options)
    {
        builder.Services.AddSingleton(services => new ClusterClient(
            new PostgresMembershipTable(options.ClusterId, new PostgresStorageOptions { ConnectionString = options.Postgres! }),
            new ClusterOptions { ClusterId = options.ClusterId, Secret = options.Secret! },
            new ClientOptions(),
            GrainCodeRegistry.Shared,
            TimeProvider.System,
            services.GetRequiredService<ILogger<ClusterClient>>()));
        builder.Services.AddSingleton<IGrainFactory>(services => services.GetRequiredService<ClusterClient>());
        builder.Services.AddHostedService<ClusterClientConnector>();
    }

    private sealed class ClusterClientConnector(ClusterClient client) : IHostedService
    {
        public Task StartAsync(CancellationToken cancellationToken) => client.ConnectAsync(cancellationToken);

        public async Task StopAsync(CancellationToken cancellationToken) => await client.DisposeAsync();
    }
}
