using System.Net;
using System.Net.Sockets;

namespace Rayswarm.Grains.Providers.Tests.AdoNet;

/// <summary>A loopback port that was free a moment ago, for a silo's endpoints.</summary>
internal static class FreeTcpPort
{
    public static int Next()
    {
        var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        try
        {
            return ((IPEndPoint)listener.LocalEndpoint).Port;
        }
        finally
        {
            listener.Stop();
        }
    }
}
