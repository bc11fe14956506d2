using System.Net;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Orleans.Configuration;

namespace Rayswarm.Grains.Providers.Tests.AdoNet;

/// <summary>Real silos and a client on loopback, configured with one line per provider, on a database nobody prepared.</summary>
public sealed class PostgresOrleansSiloTests(PostgresServer server) : IClassFixture<PostgresServer>
{
    private const int StartTimeoutMs = 60_000;

    [Fact]
    public async Task A_silo_starts_on_an_empty_database_and_a_later_silo_finds_its_state()
    {
        var connectionString = await server.CreateDatabaseAsync();
        var database = new PostgresProbe(connectionString);
        var clusterId = TestIds.New("cluster");
        var serviceId = TestIds.New("service");

        await using (var first = await StartSiloAsync(connectionString, clusterId, serviceId))
        await using (var client = await StartClientAsync(connectionString, clusterId, serviceId))
        {
            var grains = client.Services.GetRequiredService<IClusterClient>();
            Assert.Equal(1, await grains.GetGrain<IAdoNetCounterGrain>("k").IncrementAsync());
            Assert.Equal(2, await grains.GetGrain<IAdoNetCounterGrain>("k").IncrementAsync());
            // Same key and state name, another grain type: its own row.
            Assert.Equal(1, await grains.GetGrain<IAdoNetTallyGrain>("k").IncrementAsync());

            Assert.Equal(2L, await database.ScalarAsync<long>("SELECT count(*) FROM orleans_grain_state WHERE service_id = @service", ("service", serviceId)));
            Assert.Equal(1L, await database.ScalarAsync<long>(
                "SELECT count(*) FROM orleans_reminder WHERE service_id = @service AND reminder_name = @name",
                ("service", serviceId), ("name", AdoNetCounterGrain.ReminderName)));
            Assert.Equal(1L, await database.ScalarAsync<long>(
                "SELECT count(*) FROM orleans_cluster_member WHERE cluster_id = @cluster AND status = 3", ("cluster", clusterId)));
        }

        // The first silo announced its shutdown in the membership table.
        Assert.Equal(0L, await database.ScalarAsync<long>(
            "SELECT count(*) FROM orleans_cluster_member WHERE cluster_id = @cluster AND status <> 6", ("cluster", clusterId)));

        await using (var second = await StartSiloAsync(connectionString, clusterId, serviceId))
        await using (var client = await StartClientAsync(connectionString, clusterId, serviceId))
        {
            var grains = client.Services.GetRequiredService<IClusterClient>();
            Assert.Equal(3, await grains.GetGrain<IAdoNetCounterGrain>("k").IncrementAsync());
            Assert.Equal(2, await grains.GetGrain<IAdoNetTallyGrain>("k").IncrementAsync());
        }
    }

    private static async Task<RunningHost> StartSiloAsync(string connectionString, string clusterId, string serviceId)
    {
        var builder = Host.CreateApplicationBuilder();
        var ports = FreePorts.Loopback(2);
        builder.Logging.SetMinimumLevel(LogLevel.Warning);
        builder.UseOrleans(silo => silo
            .Configure<ClusterOptions>(o =>
            {
                o.ClusterId = clusterId;
                o.ServiceId = serviceId;
            })
            .ConfigureEndpoints(IPAddress.Loopback, ports[0], ports[1])
            .UsePostgresClustering(connectionString)
            .AddPostgresGrainStorage(AdoNetSiloServices.StorageName, connectionString)
            .UsePostgresReminders(connectionString));
        return await RunningHost.StartAsync(builder.Build(), StartTimeoutMs);
    }

    private static async Task<RunningHost> StartClientAsync(string connectionString, string clusterId, string serviceId)
    {
        var builder = Host.CreateApplicationBuilder();
        builder.Logging.SetMinimumLevel(LogLevel.Warning);
        builder.UseOrleansClient(client => client
            .Configure<ClusterOptions>(o =>
            {
                o.ClusterId = clusterId;
                o.ServiceId = serviceId;
            })
            .UsePostgresClustering(connectionString));
        return await RunningHost.StartAsync(builder.Build(), StartTimeoutMs);
    }
}
