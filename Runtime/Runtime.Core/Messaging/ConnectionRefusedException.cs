using System.Net;

namespace Rayswarm.Runtime.Core;

/// <summary>
/// A connection was refused in the handshake: a different cluster id, a wrong secret, a peer that does not speak
/// the protocol, a handshake that timed out, or a peer that refused this side for a reason it sent.
/// </summary>
public sealed class ConnectionRefusedException : Exception
{
    /// <summary>Creates the exception with a generic reason.</summary>
    public ConnectionRefusedException()
        : this("the connection was refused")
    {
    }

    /// <summary>Creates the exception with the reason the connection was refused.</summary>
    public ConnectionRefusedException(string reason)
        : this(reason, (Exception?)null)
    {
    }

    /// <summary>Creates the exception with the reason the connection was refused and the error behind it.</summary>
    public ConnectionRefusedException(string reason, Exception? innerException)
        : base(reason, innerException)
    {
        Reason = reason;
    }

    /// <summary>Creates the exception for a connection with <paramref name="remoteEndPoint"/>.</summary>
    public ConnectionRefusedException(EndPoint? remoteEndPoint, string reason, Exception? innerException = null)
        : base($"The connection with {remoteEndPoint?.ToString() ?? "the peer"} was refused: {reason}", innerException)
    {
        Reason = reason;
        RemoteEndPoint = remoteEndPoint;
    }

    /// <summary>Why the connection was refused.</summary>
    public string Reason { get; }

    /// <summary>The other end of the refused connection, when known.</summary>
    public EndPoint? RemoteEndPoint { get; }
}
