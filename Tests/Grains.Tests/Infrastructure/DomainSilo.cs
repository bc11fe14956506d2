using Microsoft.Data.Sqlite;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Rayswarm.Grains.Interfaces;
using Rayswarm.Runtime.Abstractions;

namespace Rayswarm.Grains.Tests;

/// <summary>What every test silo of the domain system shares: a real host started for one test, the entry grains of
/// each area, and clean-up of the temporary folder its SQLite files live in (if it has one).</summary>
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

    public IStreamProvider Streams => Host.Services.GetRequiredService<IStreamProvider>();

    public IRegistryGrain Registry => Grains.GetGrain<IRegistryGrain>(IRegistryGrain.Key);

    public IEventBusGrain Bus => Grains.GetGrain<IEventBusGrain>(IEventBusGrain.Key);

    public ISharedMemoryGrain Memory => Grains.GetGrain<ISharedMemoryGrain>(ISharedMemoryGrain.Key);

    public IWorkflowsGrain Workflows => Grains.GetGrain<IWorkflowsGrain>(IWorkflowsGrain.Key);

    /// <summary>Builds a host without log output, configured by <paramref name="configure"/>, and starts it.</summary>
    protected static async Task<IHost> StartHostAsync(Action<HostApplicationBuilder> configure)
    {
        var builder = Microsoft.Extensions.Hosting.Host.CreateApplicationBuilder();
        builder.Logging.ClearProviders();
        configure(builder);
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
