using System.Net;
using System.Net.Sockets;

namespace Rayswarm.Testing;

/// <summary>Loopback ports free right now, for servers that need a fixed port (Orleans refuses port 0). Another process may
/// take one before it is bound; tests start servers at once after asking.</summary>
public static class FreePorts
{
    /// <summary>A TCP port on 127.0.0.1 that nothing listens on.</summary>
    public static int Loopback()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }
}
