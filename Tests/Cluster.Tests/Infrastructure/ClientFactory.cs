using Microsoft.Extensions.Logging.Abstractions;
using Rayswarm.Runtime.Abstractions;
using Rayswarm.Runtime.Core;
using Rayswarm.Runtime.Postgres;

namespace Rayswarm.Cluster.Tests;

/// <summary>Cluster clients of a PostgreSQL-backed cluster, as the gateway makes them.</summary>
public static class ClientFactory
{
    public static async Task<ClusterClient> ConnectAsync(string postgres, string clusterId, string secret)
    {
        var client = new ClusterClient(
            new PostgresMembershipTable(clusterId, new PostgresStorageOptions { ConnectionString = postgres }),
            new ClusterOptions { ClusterId = clusterId, Secret = secret },
            new ClientOptions { ResponseTimeout = TimeSpan.FromSeconds(10), GatewayRefreshPeriod = TimeSpan.FromMilliseconds(500) },
            GrainCodeRegistry.Shared,
            TimeProvider.System,
            NullLogger<ClusterClient>.Instance);
        await client.ConnectAsync(CancellationToken.None);
        return client;
    }
}
