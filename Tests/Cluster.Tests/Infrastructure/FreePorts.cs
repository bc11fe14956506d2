using System.Net;
using System.Net.Sockets;

namespace Rayswarm.Cluster.Tests;

/// <summary>TCP ports free on loopback right now: Orleans needs fixed ports, so a test asks the OS for one and releases it.
/// Another process may take it in between; <see cref="SiloProcess"/> starts again on new ports when that happens.</summary>
public static class FreePorts
{
    public static int Next()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }
}
