using System.Net;
using System.Net.Sockets;
using Orleans.Configuration;
using Orleans.Serialization;
using Rayswarm.Domains.Shipped;
using Rayswarm.Grains;
using Rayswarm.Grains.Interfaces;
using Rayswarm.Grains.Providers;

namespace Rayswarm.Gateway;

/// <summary>The two ways the gateway reaches grains: an Orleans silo in its own process, or an Orleans client of a cluster.</summary>
internal static class GatewayModes
{
    /// <summary>Embedded: an Orleans silo in this process (localhost clustering), everything in one SQLite file under the data
    /// dir. The gateway calls its grains in-process, so the silo opens no client gateway port, and its silo-to-silo port is
    /// picked free at start (Orleans refuses port 0), so several embedded gateways and tests run side by side.</summary>
    public static void AddEmbeddedSilo(this WebApplicationBuilder builder, GatewayOptions options, TelemetryOptions telemetry)
    {
        Directory.CreateDirectory(Path.GetDirectoryName(options.DatabasePath)!);
        builder.Services.AddWorkflowSigning(o => o.KeyFile = Path.Combine(Path.GetFullPath(options.DataDir), "signing-key.pem"));
        // The domain modules enabled with --domains (Rayswarm:Domains:Enabled); an unknown name stops the start.
        builder.Services.AddDomainModules(builder.Configuration, ShippedDomainModules.All);
        builder.UseOrleans(silo =>
        {
            silo.UseLocalhostClustering(siloPort: FreeLoopbackPort(), gatewayPort: 0, serviceId: "rayswarm", clusterId: "embedded")
                .UseSingleSiloTimings()
                .AddDomainSystem()
                .AddClusterDashboard(builder.Configuration.GetSection(ClusterDashboardOptions.Section).Get<ClusterDashboardOptions>())
                .UseSqliteDatabase(options.DatabasePath);
            if (telemetry.Traces) { silo.AddActivityPropagation(); } // grain call filters: only when spans are wanted
        });
    }

    /// <summary>Cluster: grains live in the Silo processes found in the PostgreSQL membership table; the gateway is an Orleans
    /// client and only forwards calls. The client connects before the gateway starts serving.</summary>
    public static void AddClusterClient(this WebApplicationBuilder builder, GatewayOptions options, TelemetryOptions telemetry)
    {
        // The silos host the domain modules; --domains is only checked here, so a typo is not silently ignored.
        _ = DomainModuleSelection.Enabled(builder.Configuration, ShippedDomainModules.All);
        var readiness = new ClusterClientReadiness();
        builder.Services.AddSingleton<IReadinessCheck>(readiness);
        builder.UseOrleansClient(client =>
        {
            client.AddGatewayCountChangedHandler(readiness.OnGatewayCountChanged);
            if (telemetry.Traces) { client.AddActivityPropagation(); }
            client.Configure<ClusterOptions>(o => (o.ClusterId, o.ServiceId) = (options.ClusterId, options.ClusterId));
            client.UsePostgresClustering(options.Postgres!).UseClusterTimings();
            if (options.TlsCertificate is { Length: > 0 } certificate)
            {
                client.UseClusterTls(ClusterTls.Load(certificate, options.TlsPassword));
            }
            client.Services.AddSerializer(s => s.AddDomainSerialization());
            client.AddClusterDashboard(); // serves the dashboard from the silos' figures
        });
    }

    /// <summary>A free loopback port for the embedded silo (Orleans cannot bind port 0). Chosen at random below the
    /// ephemeral range (Linux 32768–60999, Windows and macOS 49152–65535), where outgoing connections take their local
    /// ports: a port the kernel picked was free when asked, but could go to an outgoing connection before the silo bound
    /// it (seen in CI: AddressInUseException at start). The kernel's pick if 32 random ports are all taken.</summary>
    private static int FreeLoopbackPort()
    {
        for (var attempt = 0; attempt < 32; attempt++)
        {
            var port = Random.Shared.Next(20_000, 32_768);
            if (IsFree(port)) { return port; }
        }
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }

    private static bool IsFree(int port)
    {
        using var listener = new TcpListener(IPAddress.Loopback, port);
        try
        {
            listener.Start();
            return true;
        }
        catch (SocketException)
        {
            return false;
        }
        finally
        {
            listener.Stop();
        }
    }
}
