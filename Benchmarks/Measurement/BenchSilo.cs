using System.Net;
using Microsoft.Data.Sqlite;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Rayswarm.Grains;

namespace Rayswarm.Benchmarks;

/// <summary>
/// One silo in this process, configured as the product's embedded silo (<c>UseClusterTimings</c>, <c>AddDomainSystem</c>,
/// <c>UseSqliteDatabase</c> in a temporary folder) on localhost clustering with free ports, or joined to the development
/// cluster of another silo (<c>primarySilo</c>); <c>configure</c> adds a scenario's own silo settings.
/// </summary>
public sealed class BenchSilo : IAsyncDisposable
{
    private readonly IHost _host;

    private BenchSilo(IHost host, string directory) => (_host, Directory) = (host, directory);

    /// <summary>The folder of the silo's SQLite file and signing key (deleted on dispose).</summary>
    public string Directory { get; }

    public string DatabasePath => Path.Combine(Directory, "rayswarm.db");

    public IGrainFactory Grains => _host.Services.GetRequiredService<IGrainFactory>();

    public IServiceProvider Services => _host.Services;

    public static async Task<BenchSilo> StartAsync(Action<ISiloBuilder>? configure = null, Action<IServiceCollection>? services = null,
        IPEndPoint? primarySilo = null, string clusterId = "bench")
    {
        var directory = System.IO.Directory.CreateTempSubdirectory("rayswarm-bench-").FullName;
        var builder = Host.CreateApplicationBuilder();
        // Quiet unless RAYSWARM_BENCH_LOGS=1 (then the host's console log at Warning, for a scenario that misbehaves).
        builder.Logging.ClearProviders();
        if (Environment.GetEnvironmentVariable("RAYSWARM_BENCH_LOGS") == "1") { builder.Logging.AddConsole().SetMinimumLevel(LogLevel.Warning); }
        builder.Services.AddWorkflowSigning(o => o.KeyFile = Path.Combine(directory, "signing-key.pem"));
        services?.Invoke(builder.Services);
        var ports = Rayswarm.Testing.FreePorts.Loopback(2);
        builder.UseOrleans(silo =>
        {
            if (primarySilo is null)
            {
                silo.UseLocalhostClustering(ports[0], ports[1], serviceId: clusterId, clusterId: clusterId);
            }
            else
            {
                silo.UseDevelopmentClustering(primarySilo)
                    .Configure<Orleans.Configuration.ClusterOptions>(o => (o.ClusterId, o.ServiceId) = (clusterId, clusterId))
                    .ConfigureEndpoints(IPAddress.Loopback, ports[0], ports[1]);
            }
            // The embedded product's configuration; a member of a bigger cluster gets the cluster's (retrying rejected calls).
            (primarySilo is null ? silo.UseSingleSiloTimings() : silo.UseClusterTimings())
                .AddDomainSystem()
                .UseSqliteDatabase(Path.Combine(directory, "rayswarm.db"));
            configure?.Invoke(silo);
        });
        var host = builder.Build();
        await host.StartAsync();
        return new BenchSilo(host, directory);
    }

    public async ValueTask DisposeAsync()
    {
        try { await _host.StopAsync(TimeSpan.FromSeconds(10)); }
        finally
        {
            _host.Dispose();
            SqliteConnection.ClearAllPools();
            try { System.IO.Directory.Delete(Directory, recursive: true); }
            catch (IOException) { /* a file still open: the temp folder is cleaned up by the system */ }
        }
    }
}
