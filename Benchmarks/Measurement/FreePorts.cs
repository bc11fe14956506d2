using System.Net;
using System.Net.Sockets;

namespace Rayswarm.Benchmarks;

/// <summary>Loopback ports nobody listens on (Orleans needs fixed ports: it advertises them).</summary>
public static class FreePorts
{
    public static int[] Take(int count)
    {
        // Hold every socket until all are chosen, so the same port is not handed out twice.
        var sockets = Enumerable.Range(0, count).Select(_ => new Socket(AddressFamily.InterNetwork, SocketType.Stream, ProtocolType.Tcp)).ToArray();
        try
        {
            foreach (var socket in sockets) { socket.Bind(new IPEndPoint(IPAddress.Loopback, 0)); }
            return [.. sockets.Select(s => ((IPEndPoint)s.LocalEndPoint!).Port)];
        }
        finally
        {
            foreach (var socket in sockets) { socket.Dispose(); }
        }
    }
}
