using Microsoft.Data.Sqlite;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Rayswarm.Grains.Interfaces;
using Rayswarm.Runtime.Abstractions;
using Rayswarm.Runtime.Core;

namespace Rayswarm.Grains.Tests;

/// <summary>A real silo with the domain system, in-memory grain storage and streams, and the shared memory in a fresh
/// SQLite file (or no knowledge store at all), started for one test.</summary>
public sealed class MemorySilo : IAsyncDisposable
{
    private readonly string _folder;

    private MemorySilo(IHost host, string folder)
    {
        Host = host;
        _folder = folder;
    }

    public IHost Host { get; }

    public IGrainFactory Grains => Host.Services.GetRequiredService<IGrainFactory>();

    public ISharedMemoryGrain Memory => Grains.GetGrain<ISharedMemoryGrain>(ISharedMemoryGrain.Key);

    public IStreamProvider Streams => Host.Services.GetRequiredService<IStreamProvider>();

    public static async Task<MemorySilo> StartAsync(bool withStore = true)
    {
        var folder = Directory.CreateTempSubdirectory("rayswarm-memory-silo-").FullName;
        var builder = Microsoft.Extensions.Hosting.Host.CreateApplicationBuilder();
        builder.Logging.ClearProviders();
        builder.Services.AddDomainSystem();
        if (withStore) { builder.Services.AddSqliteKnowledgeStore(Path.Combine(folder, "memory.db")); }
        builder.UseSilo(silo => silo.AddMemoryGrainStorage().AddStreams());
        var host = builder.Build();
        await host.StartAsync();
        return new MemorySilo(host, folder);
    }

    public async ValueTask DisposeAsync()
    {
        await Host.StopAsync();
        Host.Dispose();
        SqliteConnection.ClearAllPools();
        Directory.Delete(_folder, recursive: true);
    }
}
