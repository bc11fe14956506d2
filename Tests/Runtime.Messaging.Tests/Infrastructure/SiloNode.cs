using System.Net;
using System.Threading.Channels;
using Rayswarm.Runtime.Core;

namespace Rayswarm.Runtime.Messaging.Tests;

/// <summary>The transport of one silo: a listener on 127.0.0.1 (port 0) and a connection manager, wired as a silo would.</summary>
internal sealed class SiloNode : IAsyncDisposable
{
    private readonly Channel<Connection> _held = Channel.CreateUnbounded<Connection>();
    private int _accepted;

    private SiloNode(bool holdInbound, TimeProvider? time)
    {
        HoldInbound = holdInbound;
        Listener = new ConnectionListener(new IPEndPoint(IPAddress.Loopback, 0), TestServer.DefaultSettings, TestCodec.Instance, Handler, OnAccepted, Log);
        Silo = new SiloAddress("127.0.0.1", Listener.EndPoint.Port, SiloAddress.NewGeneration());
        Manager = new ConnectionManager(Silo, TestServer.DefaultSettings, TestCodec.Instance, Handler, Log, time);
        Listener.Admit = Manager.RefusalReason;
        Listener.Start(Silo);
    }

    public ConnectionListener Listener { get; }

    public ConnectionManager Manager { get; }

    public SiloAddress Silo { get; }

    public RecordingHandler Handler { get; } = new();

    public ListLogger Log { get; } = new();

    /// <summary>When true, accepted connections wait in <see cref="NextHeldAsync"/> instead of going to the manager.</summary>
    public bool HoldInbound { get; set; }

    public int AcceptedCount => Volatile.Read(ref _accepted);

    public static SiloNode Start(bool holdInbound = false, TimeProvider? time = null) => new(holdInbound, time);

    public async Task<Connection> NextHeldAsync() => await _held.Reader.ReadAsync().AsTask().Within();

    public async ValueTask DisposeAsync()
    {
        await Listener.DisposeAsync();
        await Manager.DisposeAsync();
    }

    private void OnAccepted(Connection connection)
    {
        Interlocked.Increment(ref _accepted);
        if (HoldInbound) { _held.Writer.TryWrite(connection); }
        else { Manager.AddInbound(connection); }
    }
}
