using System.Net;
using System.Net.Sockets;

namespace Rayswarm.Testing;

/// <summary>Loopback ports free right now, for servers that need a fixed port (Orleans refuses port 0). Another process may
/// take one before it is bound; tests start servers at once after asking.</summary>
public static class FreePorts
{
    /// <summary>A TCP port on 127.0.0.1 that nothing listens on.</summary>
    public static int Loopback() => Loopback(1)[0];

    /// <summary><paramref name="count"/> distinct free TCP ports on 127.0.0.1 (their listeners are open together, so no two
    /// are the same).</summary>
    public static int[] Loopback(int count)
    {
        var listeners = Enumerable.Range(0, count).Select(_ => new TcpListener(IPAddress.Loopback, 0)).ToList();
        try
        {
            listeners.ForEach(l => l.Start());
            return [.. listeners.Select(l => ((IPEndPoint)l.LocalEndpoint).Port)];
        }
        finally
        {
            listeners.ForEach(l => l.Stop());
        }
    }
}
