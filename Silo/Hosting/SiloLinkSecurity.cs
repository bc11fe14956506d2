using System.Net;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Rayswarm.Grains;

namespace Rayswarm.Silo;

/// <summary>The silo's links: TLS with the cluster certificate when one is given (<c>--tls-certificate</c>); a silo that binds
/// off loopback refuses to start without it, unless <c>--insecure</c> says otherwise (then it logs a warning).</summary>
internal static class SiloLinkSecurity
{
    public static void Apply(ISiloBuilder silo, IConfiguration configuration, SiloEndpoint endpoint)
    {
        var certificatePath = configuration["Rayswarm:Tls:Certificate"];
        var insecure = string.Equals(configuration["Rayswarm:Insecure"], "true", StringComparison.OrdinalIgnoreCase);
        if (!string.IsNullOrEmpty(certificatePath))
        {
            silo.UseClusterTls(ClusterTls.Load(certificatePath, configuration["Rayswarm:Tls:Password"]));
            return;
        }
        if (IPAddress.IsLoopback(endpoint.Advertised)) { return; }
        if (!insecure)
        {
            throw new InvalidOperationException(
                $"The silo binds {endpoint.Advertised}, off loopback: give the cluster TLS certificate (--tls-certificate FILE.pfx, "
                + "--tls-password) or, on a network you trust, --insecure.");
        }
        silo.Services.AddHostedService<InsecureLinksWarning>();
    }

    private sealed class InsecureLinksWarning(ILogger<InsecureLinksWarning> logger) : IHostedService
    {
        public Task StartAsync(CancellationToken cancellationToken)
        {
            logger.LogWarning("--insecure: silo links off loopback are NOT encrypted or authenticated; any process that reaches the ports can join the cluster.");
            return Task.CompletedTask;
        }

        public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;
    }
}
