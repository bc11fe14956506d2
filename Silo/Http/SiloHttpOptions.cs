using System.Globalization;
using System.Net;
using System.Net.Sockets;
using Microsoft.Extensions.Configuration;

namespace Rayswarm.Silo;

/// <summary>
/// The silo's HTTP listener for probes and metrics (<c>/healthz</c>, <c>/readyz</c>, <c>/metrics</c>): <c>--http-port</c>
/// (<c>Rayswarm:Http:Port</c>, <c>Rayswarm__Http__Port</c>), default <see cref="DefaultPort"/>; <c>0</c> lets the OS pick a free
/// port (printed as <c>silo-http URL</c>), <c>off</c> serves nothing. It binds where the silo binds: the silo's loopback address,
/// or every address when the silo is off loopback.
/// </summary>
internal sealed record SiloHttpOptions(IPAddress BindAddress, int? Port)
{
    public const string PortKey = "Rayswarm:Http:Port";

    public const int DefaultPort = 8080;

    /// <summary>Whether the listener runs.</summary>
    public bool Enabled => Port is not null;

    public static SiloHttpOptions From(IConfiguration configuration, SiloEndpoint endpoint)
    {
        ArgumentNullException.ThrowIfNull(configuration);
        ArgumentNullException.ThrowIfNull(endpoint);
        var bind = IPAddress.IsLoopback(endpoint.Advertised) ? endpoint.Advertised
            : endpoint.Advertised.AddressFamily == AddressFamily.InterNetworkV6 ? IPAddress.IPv6Any : IPAddress.Any;
        return configuration[PortKey] switch
        {
            null or "" => new SiloHttpOptions(bind, DefaultPort),
            var text when string.Equals(text, "off", StringComparison.OrdinalIgnoreCase) => new SiloHttpOptions(bind, null),
            var text when int.TryParse(text, NumberStyles.None, CultureInfo.InvariantCulture, out var port) && port <= 65535 => new SiloHttpOptions(bind, port),
            var text => throw new InvalidOperationException(
                $"--http-port (Rayswarm__Http__Port) must be a TCP port from 1 to 65535, 0 for any free port, or 'off' (was '{text}')."),
        };
    }
}
