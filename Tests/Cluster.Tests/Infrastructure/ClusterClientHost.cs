using System.Security.Cryptography.X509Certificates;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Orleans.Configuration;
using Orleans.Serialization;
using Rayswarm.Grains;
using Rayswarm.Grains.Interfaces;
using Rayswarm.Grains.Providers;

namespace Rayswarm.Cluster.Tests;

/// <summary>An Orleans client of a PostgreSQL-backed cluster of Silo processes, configured as the gateway's cluster mode is.</summary>
public sealed class ClusterClientHost : IAsyncDisposable
{
    private readonly IHost _host;

    private ClusterClientHost(IHost host) => _host = host;

    public IClusterClient Client => _host.Services.GetRequiredService<IClusterClient>();

    public TGrain GetGrain<TGrain>(string key) where TGrain : IGrainWithStringKey => Client.GetGrain<TGrain>(key);

    /// <summary>The silos the cluster lists as active.</summary>
    public async Task<SiloAddress[]> ActiveSilosAsync() =>
        [.. (await Client.GetGrain<IManagementGrain>(0).GetHosts(onlyActive: true)).Keys];

    /// <summary>Connects (with the cluster certificate when one is given); throws when no silo takes the connection.</summary>
    public static async Task<ClusterClientHost> ConnectAsync(string postgres, string clusterId, X509Certificate2? certificate = null, int timeoutMs = 60_000)
    {
        var builder = Host.CreateApplicationBuilder(new HostApplicationBuilderSettings { DisableDefaults = true });
        builder.Logging.ClearProviders();
        builder.UseOrleansClient(client =>
        {
            client.Configure<ClusterOptions>(o => (o.ClusterId, o.ServiceId) = (clusterId, clusterId));
            client.UsePostgresClustering(postgres).UseClusterTimings();
            if (certificate is not null) { client.UseClusterTls(certificate); }
            client.Services.AddSerializer(s => s.AddDomainSerialization());
        });
        var host = builder.Build();
        try
        {
            await host.StartAsync().WaitAsync(TimeSpan.FromMilliseconds(timeoutMs));
            return new ClusterClientHost(host);
        }
        catch
        {
            await DisposeHostAsync(host);
            throw;
        }
    }

    private static async Task DisposeHostAsync(IHost host)
    {
        using var stop = new CancellationTokenSource(TimeSpan.FromSeconds(10));
        try { await host.StopAsync(stop.Token); }
        catch (Exception e) when (e is OperationCanceledException or ObjectDisposedException) { /* a dead cluster: nothing to leave */ }
        host.Dispose();
    }

    public async ValueTask DisposeAsync() => await DisposeHostAsync(_host);
}
