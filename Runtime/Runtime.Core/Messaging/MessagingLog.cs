using System.Net;
using Microsoft.Extensions.Logging;

namespace Rayswarm.Runtime.Core;

/// <summary>The transport's log events (source-generated, no allocation when disabled). Event ids 100-199.</summary>
internal static partial class MessagingLog
{
    [LoggerMessage(100, LogLevel.Information, "Listening for connections on {EndPoint} as {Silo}")]
    public static partial void Listening(this ILogger logger, EndPoint endPoint, SiloAddress silo);

    [LoggerMessage(101, LogLevel.Warning, "Refused a connection from {RemoteEndPoint}: {Reason}")]
    public static partial void ConnectionRefused(this ILogger logger, EndPoint? remoteEndPoint, string reason);

    [LoggerMessage(102, LogLevel.Debug, "Connection {Connection} established")]
    public static partial void ConnectionEstablished(this ILogger logger, Connection connection);

    [LoggerMessage(103, LogLevel.Debug, "Connection {Connection} closed")]
    public static partial void ConnectionClosed(this ILogger logger, Connection connection);

    [LoggerMessage(104, LogLevel.Information, "Connection {Connection} closed: {Reason}")]
    public static partial void ConnectionFailed(this ILogger logger, Connection connection, string reason);

    [LoggerMessage(105, LogLevel.Error, "A frame of {Length} bytes from {RemoteEndPoint} exceeds the maximum of {MaxFrameSize} bytes; closing the connection")]
    public static partial void FrameTooLarge(this ILogger logger, long length, EndPoint remoteEndPoint, int maxFrameSize);

    [LoggerMessage(106, LogLevel.Error, "Could not send {Message} on {Connection}")]
    public static partial void EncodeFailed(this ILogger logger, Exception error, Message message, Connection connection);

    [LoggerMessage(107, LogLevel.Error, "Dropped an undecodable frame of {Length} bytes from {Connection}")]
    public static partial void DecodeFailed(this ILogger logger, Exception error, long length, Connection connection);

    [LoggerMessage(108, LogLevel.Error, "The connection handler threw for {Message} from {Connection}")]
    public static partial void HandlerFailed(this ILogger logger, Exception error, Message message, Connection connection);

    [LoggerMessage(109, LogLevel.Warning, "Could not connect to silo {Silo}: {Reason}; the next attempt is allowed in {RetryDelayMs} ms")]
    public static partial void ConnectFailed(this ILogger logger, SiloAddress silo, string reason, long retryDelayMs);

    [LoggerMessage(110, LogLevel.Debug, "Two connections with silo {Silo}: keeping {Kept}, {Dropped} drains and closes")]
    public static partial void DuplicateConnection(this ILogger logger, SiloAddress silo, Connection kept, Connection dropped);

    [LoggerMessage(111, LogLevel.Warning, "Refused a connection from silo {Silo}, which is known dead")]
    public static partial void DeadSiloRefused(this ILogger logger, SiloAddress silo);

    [LoggerMessage(112, LogLevel.Error, "The listener on {EndPoint} stopped accepting connections")]
    public static partial void AcceptFailed(this ILogger logger, Exception error, EndPoint endPoint);

    [LoggerMessage(113, LogLevel.Error, "The handler's OnClosed threw for {Connection}")]
    public static partial void OnClosedFailed(this ILogger logger, Exception error, Connection connection);
}
