using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Orleans.Configuration;

namespace Rayswarm.Grains.Providers.Tests.AdoNet;

/// <summary>
/// A silo host configured with our three hosting extensions but never started: the container hands out Orleans' own
/// provider instances (membership table, grain storage, reminder table) exactly as a silo would get them.
/// </summary>
internal sealed class AdoNetSiloServices : IDisposable
{
    public const string StorageName = "postgres";

    private readonly IHost _host;

    public AdoNetSiloServices(string connectionString, string clusterId, string serviceId, Action<AdoNetGrainStorageOptions>? storage = null)
    {
        var builder = Host.CreateApplicationBuilder();
        builder.UseOrleans(silo => silo
            .Configure<ClusterOptions>(o =>
            {
                o.ClusterId = clusterId;
                o.ServiceId = serviceId;
            })
            .UsePostgresClustering(connectionString)
            .AddPostgresGrainStorage(StorageName, connectionString, storage)
            .UsePostgresReminders(connectionString));
        _host = builder.Build();
    }

    public IServiceProvider Services => _host.Services;

    public void Dispose() => _host.Dispose();
}
