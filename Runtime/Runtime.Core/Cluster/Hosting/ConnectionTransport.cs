using Rayswarm.Runtime.Abstractions;

namespace Rayswarm.Runtime.Core;

/// <summary>The router's transport over the silo's TCP connections: one connection per peer, replies on the connection a request came on.</summary>
internal sealed class ConnectionTransport : IMessageTransport, IConnectionHandler
{
    public ClusterRouter? Router { get; set; }

    public ConnectionManager? Connections { get; set; }

    public async ValueTask SendAsync(SiloAddress target, Message message, CancellationToken cancellationToken)
    {
        Connection connection;
        try { connection = await Connections!.GetConnectionAsync(target, cancellationToken); }
        catch (Exception e) when (e is not OperationCanceledException)
        {
            throw new SiloUnavailableException($"Cannot connect to silo {target}: {e.Message}");
        }
        if (!connection.Send(message)) { throw new SiloUnavailableException($"The connection to silo {target} is closing or its send queue is full."); }
    }

    public void OnMessage(Connection connection, Message message) => Router?.OnMessage(message, new ConnectionReply(connection));

    public void OnClosed(Connection connection, Exception? reason)
    {
        if (connection.RemoteSilo is { } silo && Router is { } router)
        {
            router.OnSiloLost(silo, new SiloUnavailableException($"The connection to silo {silo} closed{(reason is null ? "" : ": " + reason.Message)}; the call may or may not have run."));
        }
    }

    public void OnSendFailed(Connection connection, Message message, Exception error) =>
        Router?.OnSendFailed(message, error, new ConnectionReply(connection));

    private sealed class ConnectionReply(Connection connection) : IReplyChannel
    {
        public bool Reply(Message message) => connection.Send(message);
    }
}
