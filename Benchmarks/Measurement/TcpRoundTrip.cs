using System.Diagnostics;
using System.Net;
using System.Net.Sockets;

namespace Rayswarm.Benchmarks;

/// <summary>The physical baseline of a remote call: a raw 16-byte TCP round trip on loopback (echo server, no framing).</summary>
public static class TcpRoundTrip
{
    public static async Task<LatencyHistogram> MeasureAsync(int roundTrips)
    {
        using var listener = new Socket(AddressFamily.InterNetwork, SocketType.Stream, ProtocolType.Tcp);
        listener.Bind(new IPEndPoint(IPAddress.Loopback, 0));
        listener.Listen(1);
        var echo = Task.Run(async () =>
        {
            using var peer = await listener.AcceptAsync();
            peer.NoDelay = true;
            var buffer = new byte[16];
            while (true)
            {
                var read = 0;
                while (read < 16)
                {
                    var n = await peer.ReceiveAsync(buffer.AsMemory(read), SocketFlags.None);
                    if (n == 0) { return; }
                    read += n;
                }
                await peer.SendAsync(buffer, SocketFlags.None);
            }
        });
        using var client = new Socket(AddressFamily.InterNetwork, SocketType.Stream, ProtocolType.Tcp) { NoDelay = true };
        await client.ConnectAsync((IPEndPoint)listener.LocalEndPoint!);
        var message = new byte[16];
        var reply = new byte[16];
        var histogram = new LatencyHistogram();
        for (var i = 0; i < roundTrips; i++)
        {
            var t0 = Stopwatch.GetTimestamp();
            await client.SendAsync(message, SocketFlags.None);
            var read = 0;
            while (read < 16) { read += await client.ReceiveAsync(reply.AsMemory(read), SocketFlags.None); }
            if (i >= roundTrips / 10) { histogram.Record(Stopwatch.GetTimestamp() - t0); } // the first tenth warms up
        }
        client.Shutdown(SocketShutdown.Both);
        await echo;
        return histogram;
    }
}
