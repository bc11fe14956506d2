using Microsoft.Data.Sqlite;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Orleans.Serialization;
using Rayswarm.Grains.Interfaces;

namespace Rayswarm.Grains.Tests;

/// <summary>A test host with an Orleans silo (localhost clustering on free ports) and the contracts' serializers, plus the entry
/// grains of each area; disposing it stops the host and deletes its SQLite folder, if it has one.</summary>
public abstract class DomainSilo : IAsyncDisposable
{
    private readonly string? _folder;

    protected DomainSilo(IHost host, string? folder)
    {
        Host = host;
        _folder = folder;
    }

    public IHost Host { get; }

    public IGrainFactory Grains => Host.Services.GetRequiredService<IGrainFactory>();

    public IEventStreams Streams => Host.Services.GetRequiredService<IEventStreams>();

    public IRegistryGrain Registry => Grains.GetGrain<IRegistryGrain>(IRegistryGrain.Key);

    public IEventBusGrain Bus => Grains.GetGrain<IEventBusGrain>(IEventBusGrain.Key);

    public ISharedMemoryGrain Memory => Grains.GetGrain<ISharedMemoryGrain>(ISharedMemoryGrain.Key);

    public IWorkflowsGrain Workflows => Grains.GetGrain<IWorkflowsGrain>(IWorkflowsGrain.Key);

    /// <summary>Builds and starts a host: <paramref name="configure"/> sets services, <paramref name="silo"/> the silo's providers.</summary>
    protected static async Task<IHost> StartHostAsync(Action<HostApplicationBuilder> configure, Action<ISiloBuilder> silo)
    {
        var builder = Microsoft.Extensions.Hosting.Host.CreateApplicationBuilder();
        builder.Logging.ClearProviders();
        configure(builder);
        builder.UseOrleans(s =>
        {
            var ports = FreePorts.Loopback(2);
            s.UseLocalhostClustering(siloPort: ports[0], gatewayPort: ports[1]);
            s.Services.AddSerializer(serializer => serializer.AddDomainSerialization());
            silo(s);
        });
        var host = builder.Build();
        await host.StartAsync();
        return host;
    }

    public async ValueTask DisposeAsync()
    {
        await Host.StopAsync();
        Host.Dispose();
        if (_folder is not null)
        {
            SqliteConnection.ClearAllPools(); // pooled connections keep the files open
            Directory.Delete(_folder, recursive: true);
        }
        GC.SuppressFinalize(this);
    }
}
