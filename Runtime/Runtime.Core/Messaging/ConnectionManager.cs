using System.Collections.Concurrent;
using Microsoft.Extensions.Logging;
using Rayswarm.Runtime.Abstractions;

namespace Rayswarm.Runtime.Core;

/// <summary>
/// The connections of one silo or client to the silos it talks to: at most one live connection per peer silo, shared
/// by all callers, whichever side opened it. A connect attempt is shared by concurrent callers; a failed one throws and
/// starts a back-off for that peer (<see cref="ConnectionSettings.MinReconnectDelay"/> doubling up to
/// <see cref="ConnectionSettings.MaxReconnectDelay"/>) during which calls fail at once. Closed connections are forgotten,
/// so the next call reconnects.
/// <para>
/// When two silos connect to each other at the same time, both keep the connection opened by the silo whose address
/// string sorts lower (ordinal); the side that opened the other one drains it (nothing it accepted for sending is lost)
/// and closes it.
/// </para>
/// </summary>
internal sealed partial class ConnectionManager : IAsyncDisposable
{
    private readonly SiloAddress? _localSilo;
    private readonly ConnectionSettings _settings;
    private readonly IMessageCodec _codec;
    private readonly IConnectionHandler _handler;
    private readonly ILogger _logger;
    private readonly TimeProvider _time;
    private readonly ConcurrentDictionary<SiloAddress, Peer> _peers = new();
    private readonly Lock _gate = new();
    private readonly CancellationTokenSource _disposing = new();
    private int _connectAttempts;
    private bool _disposed;

    /// <summary>
    /// Creates the manager of <paramref name="localSilo"/> (null for a client). Every connection it opens, and every one
    /// registered with <see cref="AddInbound"/>, should deliver to <paramref name="handler"/>.
    /// </summary>
    public ConnectionManager(SiloAddress? localSilo, ConnectionSettings settings, IMessageCodec codec, IConnectionHandler handler, ILogger logger,
        TimeProvider? timeProvider = null)
    {
        ArgumentNullException.ThrowIfNull(settings);
        ArgumentNullException.ThrowIfNull(codec);
        ArgumentNullException.ThrowIfNull(handler);
        ArgumentNullException.ThrowIfNull(logger);
        _localSilo = localSilo;
        _settings = settings;
        _codec = codec;
        _handler = handler;
        _logger = logger;
        _time = timeProvider ?? TimeProvider.System;
    }

    /// <summary>
    /// Set by the owner: true for silos known dead. No connection is opened to them or accepted from them. Called outside
    /// locks, on connects and accepts only (not per message), so a silo that dies later is cut off by <see cref="Disconnect"/>.
    /// </summary>
    public Func<SiloAddress, bool>? IsDead { get; set; }

    /// <summary>How many TCP connect attempts this manager made (for tests and diagnostics).</summary>
    internal int ConnectAttempts => Volatile.Read(ref _connectAttempts);

    /// <summary>
    /// The live connection to <paramref name="target"/>, connecting if there is none. Throws
    /// <see cref="SiloUnavailableException"/> when the silo is known dead, cannot be reached, or is in back-off after a
    /// failed attempt, and <see cref="ConnectionRefusedException"/> when it refused the handshake.
    /// <paramref name="cancellationToken"/> stops this caller's wait, not the shared attempt.
    /// </summary>
    public ValueTask<Connection> GetConnectionAsync(SiloAddress target, CancellationToken cancellationToken = default)
    {
        if (_peers.TryGetValue(target, out var peer) && peer.Current is { CanSend: true } connection) { return new ValueTask<Connection>(connection); }
        return new ValueTask<Connection>(ConnectOrJoinAsync(target, cancellationToken));
    }

    /// <summary>The live connection to <paramref name="target"/> if there is one; never connects.</summary>
    public Connection? TryGetConnection(SiloAddress target) =>
        _peers.TryGetValue(target, out var peer) && peer.Current is { CanSend: true } connection ? connection : null;

    /// <summary>How many connections with <paramref name="silo"/> are open, counting ones draining or left for the peer to close.</summary>
    internal int ConnectionCount(SiloAddress silo)
    {
        lock (_gate) { return _peers.TryGetValue(silo, out var peer) ? peer.All.Count : 0; }
    }

    /// <summary>
    /// Handshake check for a listener's <see cref="ConnectionListener.Admit"/>: refuses silos known dead. Clients pass.
    /// </summary>
    public string? RefusalReason(HandshakePeer peer)
    {
        ArgumentNullException.ThrowIfNull(peer);
        return peer.Silo is { } silo && IsDead?.Invoke(silo) == true ? $"silo {silo} is known dead in this cluster" : null;
    }

    /// <summary>
    /// Registers a connection accepted from a silo as that silo's connection, unless a preferred one exists (see the
    /// class remarks). Connections from silos known dead are closed.
    /// </summary>
    public void AddInbound(Connection connection)
    {
        ArgumentNullException.ThrowIfNull(connection);
        var silo = connection.RemoteSilo
            ?? throw new ArgumentException("Only silo connections are managed; a client's connection has no silo address.", nameof(connection));
        if (_localSilo is null) { throw new InvalidOperationException("A client's connection manager does not accept connections."); }
        if (IsDead?.Invoke(silo) == true)
        {
            _logger.DeadSiloRefused(silo);
            connection.Close(new SiloUnavailableException($"Silo {silo} is known dead."));
            return;
        }
        Connection? drain = null;
        lock (_gate)
        {
            if (_disposed) { drain = connection; }
            else
            {
                var peer = _peers.GetOrAdd(silo, s => new Peer(s));
                Track(peer, connection);
                var existing = peer.Current;
                if (existing is { CanSend: true } && !Prefers(connection, existing))
                {
                    // The other side opened this one and will drain it once it sees the preferred one.
                    _logger.DuplicateConnection(silo, existing, connection);
                }
                else
                {
                    peer.Current = connection;
                    peer.Succeeded();
                    if (existing is { CanSend: true })
                    {
                        _logger.DuplicateConnection(silo, connection, existing);
                        if (!existing.IsInbound) { drain = existing; }
                    }
                }
            }
        }
        drain?.Drain();
    }

    /// <summary>Closes every connection with <paramref name="silo"/> and forgets it (including its back-off).</summary>
    public void Disconnect(SiloAddress silo)
    {
        Connection[] connections;
        lock (_gate)
        {
            if (!_peers.TryRemove(silo, out var peer)) { return; }
            peer.Current = null;
            connections = [.. peer.All];
        }
        foreach (var connection in connections) { connection.Close(new SiloUnavailableException($"Disconnected from silo {silo}.")); }
    }

    /// <summary>Closes every connection and waits for them; later calls throw <see cref="ObjectDisposedException"/>.</summary>
    /// <summary>Orderly close of every connection: queued messages go out, then each side finishes (graceful shutdown).</summary>
    public async Task DrainAllAsync(TimeSpan timeout)
    {
        Connection[] connections;
        lock (_gate) { connections = [.. _peers.Values.SelectMany(p => p.All)]; }
        foreach (var connection in connections) { connection.Drain(); }
        await Task.WhenAll(connections.Select(c => c.Closed)).WaitAsync(timeout).ConfigureAwait(false);
    }

    public async ValueTask DisposeAsync()
    {
        Connection[] connections;
        Task[] attempts;
        lock (_gate)
        {
            if (_disposed) { return; }
            _disposed = true;
            connections = [.. _peers.Values.SelectMany(p => p.All)];
            attempts = [.. _peers.Values.Select(p => p.Connecting).OfType<Task>()];
            _peers.Clear();
        }
        await _disposing.CancelAsync().ConfigureAwait(false);
        foreach (var connection in connections) { connection.Close(null); }
        await Task.WhenAll(connections.Select(c => c.DisposeAsync().AsTask())).ConfigureAwait(false);
        try
        {
            await Task.WhenAll(attempts).ConfigureAwait(false);
        }
        catch (Exception)
        {
            // Attempts cut short by disposal fail; their callers saw that already.
        }
        _disposing.Dispose();
    }

    /// <summary>The connection to keep of two with the same peer: the one opened by the lower address; of two opened by the same side, the newer.</summary>
    private bool Prefers(Connection candidate, Connection existing) =>
        string.CompareOrdinal(Opener(candidate), Opener(existing)) <= 0;

    private string Opener(Connection connection) => (connection.IsInbound ? connection.RemoteSilo! : _localSilo)?.ToString() ?? string.Empty;

    private void Track(Peer peer, Connection connection)
    {
        peer.All.Add(connection);
        // Asynchronous, so an already closed connection is not forgotten inside the caller's lock before it is registered.
        _ = connection.Closed.ContinueWith(_ => Forget(peer, connection), CancellationToken.None, TaskContinuationOptions.RunContinuationsAsynchronously,
            TaskScheduler.Default);
    }

    private void Forget(Peer peer, Connection connection)
    {
        lock (_gate)
        {
            peer.All.Remove(connection);
            if (ReferenceEquals(peer.Current, connection)) { peer.Current = null; }
        }
    }
}
