using System.Text.Json;
using Microsoft.Data.Sqlite;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Rayswarm.Grains;
using Rayswarm.Grains.Interfaces;

namespace Rayswarm.Domains.Tests;

/// <summary>A real silo as the embedded gateway runs one (everything in one SQLite file) hosting a domain module's worker
/// grain; <see cref="RestartAsync"/> stops it and starts a new one on the same file, as a process restart does. Shared by
/// the module test projects (linked).</summary>
public sealed class ModuleSilo : IAsyncDisposable
{
    private readonly string _folder;
    private readonly Action<IServiceCollection> _domains;
    private IHost _host;

    private ModuleSilo(string folder, Action<IServiceCollection> domains, IHost host) => (_folder, _domains, _host) = (folder, domains, host);

    public IGrainFactory Grains => _host.Services.GetRequiredService<IGrainFactory>();

    public ISharedMemoryGrain Memory => Grains.GetGrain<ISharedMemoryGrain>(ISharedMemoryGrain.Key);

    /// <summary>Starts a silo whose <paramref name="domains"/> adds the hosted domains (<c>AddDomainModule</c>).</summary>
    public static async Task<ModuleSilo> StartAsync(Action<IServiceCollection> domains)
    {
        var folder = Directory.CreateTempSubdirectory("rayswarm-module-silo-").FullName;
        return new ModuleSilo(folder, domains, await StartHostAsync(folder, domains));
    }

    /// <summary>The domain's worker grain, as workflows reach it.</summary>
    public async Task<IDomainWorkerGrain> WorkerAsync(string domainId) =>
        Assert.IsType<DomainTarget.Hosted>(await _host.Services.GetRequiredService<DomainResolver>().ResolveAsync(domainId)).Worker;

    /// <summary>Runs an action as an MCP tool call does: the arguments as the input's <c>data</c>.</summary>
    public async Task<JsonElement> ExecuteAsync(string domainId, string action, object arguments) =>
        await (await WorkerAsync(domainId)).Execute(action, JsonSerializer.SerializeToElement(new { data = arguments }));

    /// <summary>Stops the silo and starts another on the same database file.</summary>
    public async Task RestartAsync()
    {
        await _host.StopAsync();
        _host.Dispose();
        _host = await StartHostAsync(_folder, _domains);
    }

    public async ValueTask DisposeAsync()
    {
        await _host.StopAsync();
        _host.Dispose();
        SqliteConnection.ClearAllPools(); // pooled connections keep the file open
        Directory.Delete(_folder, recursive: true);
    }

    private static async Task<IHost> StartHostAsync(string folder, Action<IServiceCollection> domains)
    {
        var builder = Host.CreateApplicationBuilder();
        builder.Logging.ClearProviders();
        builder.Services.AddWorkflowSigning(o => o.KeyFile = Path.Combine(folder, "signing-key.pem"));
        domains(builder.Services);
        builder.UseOrleans(silo =>
        {
            var ports = FreePorts.Loopback(2);
            silo.UseLocalhostClustering(siloPort: ports[0], gatewayPort: ports[1]);
            silo.AddDomainSystem().UseSqliteDatabase(Path.Combine(folder, "rayswarm.db"));
        });
        var host = builder.Build();
        await host.StartAsync();
        return host;
    }
}
