using System.Collections.Concurrent;
using System.Net;
using System.Net.Sockets;
using Microsoft.Extensions.Logging;

namespace Rayswarm.Runtime.Core;

/// <summary>
/// Accepts connections for a silo: binds at construction (so a port-0 listener knows its <see cref="EndPoint"/>
/// before the silo names itself), then, once started, runs the server handshake on each accepted socket and hands
/// the authenticated connection to a callback before its reader starts. Refusals are logged as warnings naming the
/// remote endpoint and the reason.
/// </summary>
internal sealed class ConnectionListener : IAsyncDisposable
{
    private readonly Socket _socket;
    private readonly ConnectionSettings _settings;
    private readonly IMessageCodec _codec;
    private readonly IConnectionHandler _handler;
    private readonly Action<Connection> _onAccepted;
    private readonly ILogger _logger;
    private readonly CancellationTokenSource _stopping = new();
    private readonly ConcurrentDictionary<Connection, byte> _accepted = new();
    private readonly ConcurrentDictionary<Task, byte> _handshakes = new();
    private SiloAddress? _localSilo;
    private Task _acceptLoop = Task.CompletedTask;
    private int _disposed;

    /// <summary>
    /// Binds to <paramref name="endPoint"/> (port 0 picks a free port). Throws <see cref="InvalidOperationException"/>
    /// for an address off loopback when no <see cref="ClusterOptions.Secret"/> is configured.
    /// </summary>
    public ConnectionListener(IPEndPoint endPoint, ConnectionSettings settings, IMessageCodec codec, IConnectionHandler handler,
        Action<Connection> onAccepted, ILogger logger)
    {
        ArgumentNullException.ThrowIfNull(endPoint);
        ArgumentNullException.ThrowIfNull(settings);
        ArgumentNullException.ThrowIfNull(codec);
        ArgumentNullException.ThrowIfNull(handler);
        ArgumentNullException.ThrowIfNull(onAccepted);
        ArgumentNullException.ThrowIfNull(logger);
        if (!settings.HasSecret && !IPAddress.IsLoopback(endPoint.Address))
        {
            throw new InvalidOperationException(
                $"Refusing to listen on {endPoint} without a cluster secret: an address off loopback requires ClusterOptions.Secret " +
                "(configuration Rayswarm:Cluster:Secret).");
        }
        _settings = settings;
        _codec = codec;
        _handler = handler;
        _onAccepted = onAccepted;
        _logger = logger;
        _socket = new Socket(endPoint.AddressFamily, SocketType.Stream, ProtocolType.Tcp);
        try
        {
            _socket.Bind(endPoint);
            _socket.Listen(512);
        }
        catch
        {
            _socket.Dispose();
            throw;
        }
        EndPoint = (IPEndPoint)_socket.LocalEndPoint!;
    }

    /// <summary>The endpoint actually bound (with the chosen port when bound to port 0).</summary>
    public IPEndPoint EndPoint { get; }

    /// <summary>
    /// Optional last check of an authenticated peer during the handshake; a non-null result refuses it with that reason
    /// (for example <see cref="ConnectionManager.RefusalReason"/> to turn away silos known dead). Set before <see cref="Start"/>.
    /// </summary>
    public Func<HandshakePeer, string?>? Admit { get; set; }

    /// <summary>Starts accepting; connections handshake as <paramref name="localSilo"/>.</summary>
    public void Start(SiloAddress localSilo)
    {
        ArgumentNullException.ThrowIfNull(localSilo);
        if (Interlocked.CompareExchange(ref _localSilo, localSilo, null) is not null) { throw new InvalidOperationException("The listener is already started."); }
        ObjectDisposedException.ThrowIf(Volatile.Read(ref _disposed) != 0, this);
        _logger.Listening(EndPoint, localSilo);
        _acceptLoop = Task.Run(AcceptLoopAsync);
    }

    /// <summary>Stops accepting, abandons handshakes in progress and closes the connections accepted here that are still open.</summary>
    /// <summary>Orderly close of every accepted connection (graceful shutdown); new connections are still accepted until disposal.</summary>
    public async Task DrainAllAsync(TimeSpan timeout)
    {
        var connections = _accepted.Keys.ToArray();
        foreach (var connection in connections) { connection.Drain(); }
        await Task.WhenAll(connections.Select(c => c.Closed)).WaitAsync(timeout).ConfigureAwait(false);
    }

    public async ValueTask DisposeAsync()
    {
        if (Interlocked.Exchange(ref _disposed, 1) != 0) { return; }
        await _stopping.CancelAsync().ConfigureAwait(false);
        _socket.Dispose();
        await _acceptLoop.ConfigureAwait(false);
        await Task.WhenAll(_handshakes.Keys).ConfigureAwait(false);
        foreach (var connection in _accepted.Keys) { connection.Close(null); }
        await Task.WhenAll(_accepted.Keys.Select(c => c.Closed)).ConfigureAwait(false);
        _stopping.Dispose();
    }

    private async Task AcceptLoopAsync()
    {
        while (!_stopping.IsCancellationRequested)
        {
            Socket socket;
            try
            {
                socket = await _socket.AcceptAsync(_stopping.Token).ConfigureAwait(false);
            }
            catch (Exception) when (_stopping.IsCancellationRequested)
            {
                return;
            }
            catch (SocketException e) when (e.SocketErrorCode is SocketError.ConnectionReset or SocketError.ConnectionAborted)
            {
                continue; // the client gave up before we accepted; keep listening
            }
            catch (Exception e)
            {
                _logger.AcceptFailed(e, EndPoint);
                return;
            }
            var handshake = HandshakeAsync(socket);
            _handshakes.TryAdd(handshake, 0);
            _ = handshake.ContinueWith(t => _handshakes.TryRemove(t, out _), CancellationToken.None, TaskContinuationOptions.ExecuteSynchronously, TaskScheduler.Default);
        }
    }

    private async Task HandshakeAsync(Socket socket)
    {
        var remote = socket.RemoteEndPoint;
        Connection connection;
        try
        {
            connection = await Connection.AcceptAsync(socket, _localSilo!, _settings, _codec, _handler, _logger, Admit, _stopping.Token).ConfigureAwait(false);
        }
        catch (Exception e)
        {
            socket.Dispose();
            if (_stopping.IsCancellationRequested) { return; }
            _logger.ConnectionRefused(remote, e is ConnectionRefusedException refused ? refused.Reason : e.Message);
            return;
        }
        _accepted.TryAdd(connection, 0);
        _ = connection.Closed.ContinueWith(_ => _accepted.TryRemove(connection, out var _), CancellationToken.None,
            TaskContinuationOptions.ExecuteSynchronously, TaskScheduler.Default);
        try
        {
            _onAccepted(connection);
        }
        catch (Exception e)
        {
            connection.Close(e);
            return;
        }
        connection.Start();
        if (_stopping.IsCancellationRequested) { connection.Close(null); }
    }
}
