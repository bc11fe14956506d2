using System.Net;
using System.Threading.Channels;
using Rayswarm.Runtime.Core;

namespace Rayswarm.Runtime.Messaging.Tests;

/// <summary>A listening silo on 127.0.0.1 (port 0) whose accepted connections the test can take.</summary>
internal sealed class TestServer : IAsyncDisposable
{
    private readonly Channel<Connection> _accepted = Channel.CreateUnbounded<Connection>();
    private int _acceptedCount;

    private TestServer(ConnectionSettings settings, long generation)
    {
        Listener = new ConnectionListener(new IPEndPoint(IPAddress.Loopback, 0), settings, TestCodec.Instance, Handler, OnAccepted, Log);
        Silo = new SiloAddress("127.0.0.1", Listener.EndPoint.Port, generation);
    }

    public static ConnectionSettings DefaultSettings { get; } = new() { ClusterId = "test-cluster", Secret = "test-secret" };

    public ConnectionListener Listener { get; }

    public SiloAddress Silo { get; }

    public RecordingHandler Handler { get; } = new();

    public ListLogger Log { get; } = new();

    public int AcceptedCount => Volatile.Read(ref _acceptedCount);

    public static TestServer Start(ConnectionSettings? settings = null, long generation = 1, Func<HandshakePeer, string?>? admit = null)
    {
        var server = new TestServer(settings ?? DefaultSettings, generation);
        server.Listener.Admit = admit;
        server.Listener.Start(server.Silo);
        return server;
    }

    /// <summary>Connects a client (or, with <paramref name="asSilo"/>, a silo) to this server.</summary>
    public Task<Connection> ConnectAsync(RecordingHandler handler, ConnectionSettings? settings = null, SiloAddress? asSilo = null,
        SiloAddress? expect = null, ListLogger? log = null) =>
        Connection.ConnectAsync(Listener.EndPoint, asSilo, expect ?? Silo, settings ?? DefaultSettings, TestCodec.Instance, handler, log ?? new ListLogger(),
            CancellationToken.None);

    /// <summary>The next connection this server accepted.</summary>
    public async Task<Connection> NextAcceptedAsync() => await _accepted.Reader.ReadAsync().AsTask().Within();

    public ValueTask DisposeAsync() => Listener.DisposeAsync();

    private void OnAccepted(Connection connection)
    {
        Interlocked.Increment(ref _acceptedCount);
        _accepted.Writer.TryWrite(connection);
    }
}
