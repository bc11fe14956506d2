using System.Net;
using System.Net.Sockets;
using Rayswarm.Runtime.Core;

namespace Rayswarm.Runtime.Messaging.Tests;

/// <summary>A silo that completes the handshake, then reads nothing until told to (to fill the connection up).</summary>
internal sealed class SilentPeer : IAsyncDisposable
{
    private readonly TcpListener _listener;
    private readonly SiloAddress _silo;
    private Socket? _socket;
    private Task _reading = Task.CompletedTask;

    private SilentPeer(TcpListener listener)
    {
        _listener = listener;
        _silo = new SiloAddress("127.0.0.1", ((IPEndPoint)listener.LocalEndpoint).Port, 1);
    }

    public static Task<SilentPeer> StartAsync()
    {
        var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Server.ReceiveBufferSize = 16 * 1024;
        listener.Start();
        return Task.FromResult(new SilentPeer(listener));
    }

    public async Task<Connection> ConnectAsync(ConnectionSettings settings)
    {
        var accept = AcceptAndHandshakeAsync(settings);
        var connection = await Connection.ConnectAsync((IPEndPoint)_listener.LocalEndpoint, null, _silo, settings, TestCodec.Instance,
            new RecordingHandler(), new ListLogger(), CancellationToken.None);
        await accept.Within();
        return connection;
    }

    /// <summary>From now on, reads and discards everything.</summary>
    public void StartReading()
    {
        var socket = _socket!;
        _reading = Task.Run(async () =>
        {
            var buffer = new byte[256 * 1024];
            try
            {
                while (await socket.ReceiveAsync(buffer, SocketFlags.None) > 0) { }
            }
            catch (Exception e) when (e is SocketException or ObjectDisposedException)
            {
                // closed by DisposeAsync
            }
        });
    }

    public async ValueTask DisposeAsync()
    {
        _socket?.Dispose();
        _listener.Stop();
        await _reading;
    }

    private async Task AcceptAndHandshakeAsync(ConnectionSettings settings)
    {
        var socket = await _listener.AcceptSocketAsync();
        socket.ReceiveBufferSize = 16 * 1024;
        _socket = socket;
        await Handshake.RunAsync(new NetworkStream(socket), socket.RemoteEndPoint!, settings, _silo, null, CancellationToken.None);
    }
}
