namespace Rayswarm.Runtime.Core;

/// <summary>
/// Receives what arrives on connections. Every method runs inline on a transport thread and must return quickly:
/// never block, never wait for a grain call; hand work to a queue or the thread pool instead.
/// </summary>
internal interface IConnectionHandler
{
    /// <summary>
    /// A decoded message arrived. Runs on the connection's single reader loop, so messages of one connection arrive
    /// in order and the next frame is not read until this returns.
    /// </summary>
    void OnMessage(Connection connection, Message message);

    /// <summary>
    /// The connection closed; called exactly once, on the thread that closed it. <paramref name="reason"/> is null for
    /// an orderly close. Messages still queued for sending were dropped: fail the calls waiting on them.
    /// </summary>
    void OnClosed(Connection connection, Exception? reason);

    /// <summary>
    /// A message accepted by <see cref="Connection.Send"/> could not be sent (the codec threw, or the frame is larger
    /// than the maximum); the connection stays open. Runs on the connection's writer loop.
    /// </summary>
    void OnSendFailed(Connection connection, Message message, Exception error)
    {
    }
}
