using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;

namespace Rayswarm.Grains.Providers.Tests.Storage;

/// <summary>A real single-silo Orleans host on free localhost ports, for the tests that need the runtime.</summary>
internal static class TestSilo
{
    /// <summary>Builds the host (not started): localhost clustering on ports chosen now, plus <paramref name="configure"/>.</summary>
    public static IHost Build(Action<ISiloBuilder> configure)
    {
        var ports = FreePorts.Loopback(2);
        var (siloPort, gatewayPort) = (ports[0], ports[1]);
        var builder = Host.CreateApplicationBuilder();
        builder.Logging.ClearProviders();
        builder.UseOrleans(silo =>
        {
            silo.UseLocalhostClustering(siloPort, gatewayPort);
            configure(silo);
        });
        return builder.Build();
    }

    /// <summary>Builds and starts the host.</summary>
    public static async Task<IHost> StartAsync(Action<ISiloBuilder> configure)
    {
        var host = Build(configure);
        try
        {
            await host.StartAsync().Within();
            return host;
        }
        catch
        {
            host.Dispose();
            throw;
        }
    }

    /// <summary>Stops and disposes the host.</summary>
    public static async Task StopAsync(IHost host)
    {
        await host.StopAsync().Within();
        host.Dispose();
    }
}
