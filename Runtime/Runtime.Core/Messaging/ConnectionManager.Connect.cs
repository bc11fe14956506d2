using Rayswarm.Runtime.Abstractions;

namespace Rayswarm.Runtime.Core;

/// <summary>Opening connections: one shared attempt per peer, back-off after failures.</summary>
internal sealed partial class ConnectionManager
{
    private async Task<Connection> ConnectOrJoinAsync(SiloAddress target, CancellationToken cancellationToken)
    {
        if (target == _localSilo) { throw new ArgumentException($"Silo {target} does not connect to itself.", nameof(target)); }
        if (IsDead?.Invoke(target) == true) { throw new SiloUnavailableException($"Silo {target} is known dead; no connection is made to it."); }
        Task<Connection> attempt;
        lock (_gate)
        {
            ObjectDisposedException.ThrowIf(_disposed, this);
            var peer = _peers.GetOrAdd(target, s => new Peer(s));
            if (peer.Current is { CanSend: true } connection) { return connection; }
            if (peer.Connecting is null)
            {
                var wait = peer.RetryAt is { } retryAt ? _time.GetElapsedTime(_time.GetTimestamp(), retryAt) : TimeSpan.Zero;
                if (wait > TimeSpan.Zero)
                {
                    throw new SiloUnavailableException(
                        $"Silo {target} is unreachable ({peer.LastError}); the next connection attempt is allowed in {wait.TotalMilliseconds:0} ms.");
                }
                peer.Connecting = Task.Run(() => ConnectAsync(peer)); // off the caller's lock and context
            }
            attempt = peer.Connecting;
        }
        return await attempt.WaitAsync(cancellationToken).ConfigureAwait(false);
    }

    private async Task<Connection> ConnectAsync(Peer peer)
    {
        Interlocked.Increment(ref _connectAttempts);
        Connection connection;
        try
        {
            connection = await Connection.ConnectAsync(peer.Silo.EndPoint, _localSilo, peer.Silo, _settings, _codec, _handler, _logger, _disposing.Token)
                .ConfigureAwait(false);
        }
        catch (Exception e)
        {
            TimeSpan delay;
            lock (_gate)
            {
                peer.Connecting = null;
                delay = peer.Failed(e, _time.GetTimestamp(), _settings, _time.TimestampFrequency);
            }
            if (e is OperationCanceledException && _disposing.IsCancellationRequested) { throw new ObjectDisposedException(GetType().FullName); }
            _logger.ConnectFailed(peer.Silo, e is ConnectionRefusedException refused ? refused.Reason : e.Message, (long)delay.TotalMilliseconds);
            if (e is ConnectionRefusedException) { throw; }
            throw new SiloUnavailableException($"Could not connect to silo {peer.Silo}: {e.Message}");
        }
        return Register(peer, connection);
    }

    /// <summary>Makes a new outgoing connection the peer's, unless the peer is forgotten or a preferred one exists.</summary>
    private Connection Register(Peer peer, Connection connection)
    {
        Connection? existing;
        Exception? abandoned = null;
        lock (_gate)
        {
            peer.Connecting = null;
            peer.Succeeded();
            existing = peer.Current;
            if (_disposed || !_peers.TryGetValue(peer.Silo, out var current) || !ReferenceEquals(current, peer))
            {
                abandoned = _disposed ? new ObjectDisposedException(GetType().FullName) : new SiloUnavailableException($"Disconnected from silo {peer.Silo} while connecting.");
            }
            else
            {
                Track(peer, connection);
                if (existing is { CanSend: true } && !Prefers(connection, existing))
                {
                    _logger.DuplicateConnection(peer.Silo, existing, connection);
                }
                else
                {
                    if (existing is { CanSend: true }) { _logger.DuplicateConnection(peer.Silo, connection, existing); }
                    peer.Current = connection;
                    return connection;
                }
            }
        }
        if (abandoned is not null)
        {
            connection.Close(abandoned);
            throw abandoned;
        }
        // We opened this one and the other side keeps the preferred one: send nothing on it, close it in order.
        connection.Drain();
        return existing!;
    }
}
