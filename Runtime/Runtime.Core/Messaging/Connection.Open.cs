using System.Net;
using System.Net.Sockets;
using Microsoft.Extensions.Logging;

namespace Rayswarm.Runtime.Core;

/// <summary>Opening connections: connect and handshake, or handshake on an accepted socket.</summary>
internal sealed partial class Connection
{
    /// <summary>
    /// Connects to <paramref name="endPoint"/> as <paramref name="localSilo"/> (null for a client), runs the handshake and
    /// starts the connection. The peer must be a silo, and <paramref name="expectedSilo"/> when given (a restarted silo on
    /// the same endpoint is refused). Throws <see cref="ConnectionRefusedException"/> when the handshake fails,
    /// <see cref="SocketException"/> or <see cref="TimeoutException"/> when the TCP connect does.
    /// </summary>
    public static async Task<Connection> ConnectAsync(IPEndPoint endPoint, SiloAddress? localSilo, SiloAddress? expectedSilo, ConnectionSettings settings,
        IMessageCodec codec, IConnectionHandler handler, ILogger logger, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(endPoint);
        ArgumentNullException.ThrowIfNull(settings);
        var socket = new Socket(endPoint.AddressFamily, SocketType.Stream, ProtocolType.Tcp) { NoDelay = true };
        try
        {
            using (var timeout = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken))
            {
                timeout.CancelAfter(settings.HandshakeTimeout);
                try
                {
                    await socket.ConnectAsync(endPoint, timeout.Token).ConfigureAwait(false);
                }
                catch (OperationCanceledException) when (!cancellationToken.IsCancellationRequested)
                {
                    throw new TimeoutException($"Connecting to {endPoint} did not complete within {settings.HandshakeTimeout.TotalSeconds:0.###} s.");
                }
            }
            var stream = new NetworkStream(socket, ownsSocket: false);
            var peer = await Handshake.RunAsync(stream, endPoint, settings, localSilo, p => CheckReached(p, expectedSilo), cancellationToken)
                .ConfigureAwait(false);
            var connection = new Connection(socket, stream, peer, isInbound: false, settings, codec, handler, logger);
            connection.Start();
            return connection;
        }
        catch
        {
            socket.Dispose();
            throw;
        }
    }

    /// <summary>
    /// Runs the handshake on an accepted socket as <paramref name="localSilo"/>; <paramref name="admit"/> may refuse the
    /// authenticated peer with a reason. Returns the connection not yet started: register it, then call <see cref="Start"/>.
    /// The caller disposes the socket if this throws.
    /// </summary>
    internal static async Task<Connection> AcceptAsync(Socket socket, SiloAddress localSilo, ConnectionSettings settings, IMessageCodec codec,
        IConnectionHandler handler, ILogger logger, Func<HandshakePeer, string?>? admit, CancellationToken cancellationToken)
    {
        socket.NoDelay = true;
        var stream = new NetworkStream(socket, ownsSocket: false);
        var peer = await Handshake.RunAsync(stream, socket.RemoteEndPoint!, settings, localSilo, admit, cancellationToken).ConfigureAwait(false);
        return new Connection(socket, stream, peer, isInbound: true, settings, codec, handler, logger);
    }

    private static string? CheckReached(HandshakePeer peer, SiloAddress? expectedSilo) =>
        peer.Role != ConnectionRole.Silo ? "the peer is not a silo"
        : expectedSilo is not null && peer.Silo != expectedSilo ? $"expected silo {expectedSilo}, but the endpoint is served by silo {peer.Silo}"
        : null;
}
