using System.Net;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.Data.Sqlite;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Rayswarm.Grains;

namespace Rayswarm.Benchmarks;

/// <summary>
/// One silo in this process, configured as the product's embedded silo (<c>UseClusterTimings</c>, <c>AddDomainSystem</c>,
/// <c>UseSqliteDatabase</c> in a temporary folder) on localhost clustering with free ports, or joined to the development
/// cluster of another silo (<c>primarySilo</c>); <c>configure</c> adds a scenario's own silo settings. <see cref="StartWebAsync"/>
/// co-hosts it with ASP.NET Core, as the embedded gateway does.
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
        var builder = Host.CreateApplicationBuilder();
        var directory = Configure(builder, configure, services, primarySilo, clusterId);
        var host = builder.Build();
        await host.StartAsync();
        return new BenchSilo(host, directory);
    }

    /// <summary>The same silo co-hosted with ASP.NET Core on a free loopback port, as the embedded gateway hosts it:
    /// <paramref name="web"/> adds services to the web host, <paramref name="map"/> maps its routes.</summary>
    public static async Task<(BenchSilo Silo, Uri Address)> StartWebAsync(Action<ISiloBuilder>? configure, Action<WebApplicationBuilder> web,
        Action<WebApplication> map)
    {
        var builder = WebApplication.CreateBuilder();
        var address = new Uri($"http://127.0.0.1:{Rayswarm.Testing.FreePorts.Loopback(1)[0]}");
        builder.WebHost.UseUrls(address.ToString());
        var directory = Configure(builder, configure, services: null, primarySilo: null, clusterId: "bench");
        web(builder);
        var app = builder.Build();
        map(app);
        await app.StartAsync();
        return (new BenchSilo(app, directory), address);
    }

    private static string Configure(IHostApplicationBuilder builder, Action<ISiloBuilder>? configure, Action<IServiceCollection>? services,
        IPEndPoint? primarySilo, string clusterId)
    {
        var directory = System.IO.Directory.CreateTempSubdirectory("rayswarm-bench-").FullName;
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
        return directory;
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
