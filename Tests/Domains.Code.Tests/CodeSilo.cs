using Microsoft.Data.Sqlite;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Orleans.Serialization;
using Rayswarm.Grains;
using Rayswarm.Grains.Interfaces;
using Rayswarm.Grains.Providers;

namespace Rayswarm.Domains.Code.Tests;

/// <summary>A real silo with the domain system and the code module, the shared memory in a fresh SQLite file.</summary>
public sealed class CodeSilo : IAsyncDisposable
{
    private readonly string _folder;

    private CodeSilo(IHost host, string folder) => (Host, _folder) = (host, folder);

    public IHost Host { get; }

    public IGrainFactory Grains => Host.Services.GetRequiredService<IGrainFactory>();

    public ISharedMemoryGrain Memory => Grains.GetGrain<ISharedMemoryGrain>(ISharedMemoryGrain.Key);

    /// <summary>The code domain's worker, as workflows reach it.</summary>
    public IDomainWorkerGrain Code => Grains.GetGrain<IDomainWorkerGrain>(GrainId.Create("code-domain", CodeModule.Id));

    public static async Task<CodeSilo> StartAsync()
    {
        var folder = Directory.CreateTempSubdirectory("rayswarm-code-silo-").FullName;
        var builder = Microsoft.Extensions.Hosting.Host.CreateApplicationBuilder();
        builder.Logging.ClearProviders();
        builder.Services.AddDomainSystem();
        builder.Services.AddDomainModule(new CodeModule());
        builder.Services.AddSqliteKnowledgeStore(Path.Combine(folder, "memory.db"));
        builder.UseOrleans(silo =>
        {
            var ports = FreePorts.Loopback(2);
            silo.UseLocalhostClustering(siloPort: ports[0], gatewayPort: ports[1]);
            silo.Services.AddSerializer(s => s.AddDomainSerialization());
            silo.AddMemoryGrainStorageAsDefault().UseInMemoryReminderService().AddEventLogStreams().UseMemoryEventLog();
        });
        var host = builder.Build();
        await host.StartAsync();
        return new CodeSilo(host, folder);
    }

    public async ValueTask DisposeAsync()
    {
        await Host.StopAsync();
        Host.Dispose();
        SqliteConnection.ClearAllPools();
        Directory.Delete(_folder, recursive: true);
    }
}
