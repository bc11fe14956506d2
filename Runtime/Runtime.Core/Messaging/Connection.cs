using System.Net;
using System.Net.Sockets;
using System.Threading.Channels;
using Microsoft.Extensions.Logging;

namespace Rayswarm.Runtime.Core;

/// <summary>
/// One authenticated TCP connection carrying length-prefixed frames (4-byte little-endian payload length, then the
/// payload from <see cref="IMessageCodec"/>), multiplexing every call between two ends.
/// <para>
/// Sending: <see cref="Send"/> only enqueues. One writer loop encodes queued messages into a pipe and flushes when the
/// queue is momentarily empty, so concurrent senders coalesce into few socket writes; a sender loop writes what was
/// flushed. Receiving: one reader loop cuts frames and calls <see cref="IConnectionHandler.OnMessage"/> inline.
/// The codec's Decode must copy what it keeps: the frame's memory is reused once it returns.
/// </para>
/// </summary>
internal sealed partial class Connection : IAsyncDisposable
{
    private readonly Socket _socket;
    private readonly NetworkStream _stream;
    private readonly ConnectionSettings _settings;
    private readonly IMessageCodec _codec;
    private readonly IConnectionHandler _handler;
    private readonly ILogger _logger;
    private readonly Channel<Message> _queue = Channel.CreateUnbounded<Message>(new UnboundedChannelOptions { SingleReader = true });
    private readonly CancellationTokenSource _lifetime = new();
    private readonly TaskCompletionSource _closed = new(TaskCreationOptions.RunContinuationsAsynchronously);
    private readonly Lock _gate = new();
    private Task _loops = Task.CompletedTask;
    private int _started;
    private int _closing;
    private volatile bool _draining;
    private bool _sendDone;
    private bool _receiveDone;

    private Connection(Socket socket, NetworkStream stream, HandshakePeer peer, bool isInbound, ConnectionSettings settings, IMessageCodec codec,
        IConnectionHandler handler, ILogger logger)
    {
        _socket = socket;
        _stream = stream;
        _settings = settings;
        _codec = codec;
        _handler = handler;
        _logger = logger;
        RemoteEndPoint = (IPEndPoint)socket.RemoteEndPoint!;
        LocalEndPoint = (IPEndPoint)socket.LocalEndPoint!;
        Role = peer.Role;
        RemoteSilo = peer.Silo;
        IsInbound = isInbound;
    }

    /// <summary>The other end's address.</summary>
    public IPEndPoint RemoteEndPoint { get; }

    /// <summary>This end's address.</summary>
    public IPEndPoint LocalEndPoint { get; }

    /// <summary>The silo at the other end, as it proved in the handshake; null when the other end is a client.</summary>
    public SiloAddress? RemoteSilo { get; }

    /// <summary>What the other end is.</summary>
    public ConnectionRole Role { get; }

    /// <summary>True when the other end is a client rather than a silo.</summary>
    public bool IsClient => Role == ConnectionRole.Client;

    /// <summary>True when the other end opened the connection (it was accepted by a listener here).</summary>
    public bool IsInbound { get; }

    /// <summary>True until the connection starts closing or draining; then <see cref="Send"/> returns false.</summary>
    public bool CanSend => !_draining;

    /// <summary>Completes (never faults) once the connection has closed and <see cref="IConnectionHandler.OnClosed"/> has run.</summary>
    public Task Closed => _closed.Task;

    private bool IsClosed => Volatile.Read(ref _closing) != 0;

    /// <summary>
    /// Queues <paramref name="message"/> for sending and returns at once; thread-safe, never blocks. Messages queued by
    /// one thread go out in the order queued. Returns false (nothing queued) when the connection is closing or more than
    /// <see cref="ConnectionSettings.MaxQueuedBytes"/> are waiting to be written: the caller should fail the call.
    /// </summary>
    public bool Send(Message message)
    {
        ArgumentNullException.ThrowIfNull(message);
        return Volatile.Read(ref _unsentBytes) <= _settings.MaxQueuedBytes && _queue.Writer.TryWrite(message);
    }

    /// <summary>
    /// Closes in order: refuses new sends, writes everything queued, half-closes, and closes once the other end has
    /// finished too (or after <see cref="ConnectionSettings.DrainTimeout"/>). Nothing accepted by <see cref="Send"/> is dropped.
    /// </summary>
    public void Drain()
    {
        lock (_gate)
        {
            if (_draining) { return; }
            _draining = true;
        }
        _queue.Writer.TryComplete();
        _ = CloseIfDrainStallsAsync();
    }

    /// <summary>
    /// Closes at once; idempotent. Queued messages are dropped; <see cref="IConnectionHandler.OnClosed"/> runs once,
    /// on this thread, with <paramref name="reason"/> (null for an orderly close).
    /// </summary>
    public void Close(Exception? reason)
    {
        if (Interlocked.Exchange(ref _closing, 1) != 0) { return; }
        _draining = true;
        _queue.Writer.TryComplete();
        _socket.Dispose(); // aborts pending sends and receives
        _lifetime.Cancel();
        if (reason is null) { _logger.ConnectionClosed(this); }
        else { _logger.ConnectionFailed(this, reason.Message); }
        try
        {
            _handler.OnClosed(this, reason);
        }
        catch (Exception e)
        {
            _logger.OnClosedFailed(e, this);
        }
        _closed.TrySetResult();
    }

    /// <summary>Closes at once (see <see cref="Close"/>) and waits for the loops to stop.</summary>
    public async ValueTask DisposeAsync()
    {
        Close(null);
        await _loops.ConfigureAwait(false);
    }

    /// <inheritdoc />
    public override string ToString() =>
        $"{(IsInbound ? "from" : "to")} {(RemoteSilo is { } silo ? $"silo {silo}" : "client")} at {RemoteEndPoint}";

    /// <summary>Starts the writer, sender and reader loops; called once, after the handshake.</summary>
    internal void Start()
    {
        if (Interlocked.Exchange(ref _started, 1) != 0) { throw new InvalidOperationException("The connection is already started."); }
        var sender = Task.Run(RunSenderAsync);
        var writer = Task.Run(RunWriterAsync);
        var reader = Task.Run(RunReaderAsync);
        _loops = Task.WhenAll(sender, writer, reader);
        _logger.ConnectionEstablished(this);
    }

    private async Task CloseIfDrainStallsAsync()
    {
        try
        {
            await Task.Delay(_settings.DrainTimeout, _lifetime.Token).ConfigureAwait(false);
        }
        catch (OperationCanceledException)
        {
            return;
        }
        Close(new TimeoutException($"The connection did not drain within {_settings.DrainTimeout.TotalSeconds:0.###} s."));
    }

    /// <summary>The sender half-closed after writing everything; close when the other end has finished too.</summary>
    private void OnSendCompleted()
    {
        bool close;
        lock (_gate)
        {
            _sendDone = true;
            close = _receiveDone;
        }
        if (close) { Close(null); }
    }

    /// <summary>The other end half-closed: finish sending what is queued, then close.</summary>
    private void OnReceiveCompleted()
    {
        bool close;
        lock (_gate)
        {
            _receiveDone = true;
            close = _sendDone;
        }
        if (close) { Close(null); }
        else { Drain(); }
    }
}
