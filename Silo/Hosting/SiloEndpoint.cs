using System.Globalization;
using System.Net;
using Microsoft.Extensions.Configuration;

namespace Rayswarm.Silo;

/// <summary>Where the silo listens and what it advertises: <c>--host</c> (an IP; default 127.0.0.1), <c>--port</c> for silo links
/// (default 11111) and <c>--gateway-port</c> for clients (default 30000).</summary>
internal sealed record SiloEndpoint(IPAddress Advertised, int SiloPort, int GatewayPort)
{
    public static SiloEndpoint From(IConfiguration configuration)
    {
        var host = configuration["Rayswarm:Endpoint:AdvertisedHost"] is { Length: > 0 } h ? h : "127.0.0.1";
        if (!IPAddress.TryParse(host, out var address))
        {
            throw new InvalidOperationException($"--host must be an IP address the other silos can reach (was '{host}').");
        }
        return new SiloEndpoint(address, Port(configuration, "Rayswarm:Endpoint:Port", "--port", 11111),
            Port(configuration, "Rayswarm:Endpoint:GatewayPort", "--gateway-port", 30000));
    }

    private static int Port(IConfiguration configuration, string key, string name, int fallback)
    {
        if (configuration[key] is not { Length: > 0 } text) { return fallback; }
        return int.TryParse(text, NumberStyles.None, CultureInfo.InvariantCulture, out var port) && port is > 0 and <= 65535
            ? port
            : throw new InvalidOperationException($"{name} must be a TCP port from 1 to 65535 (was '{text}'); Orleans needs fixed ports.");
    }
}
