namespace Rayswarm.Runtime.Core;

/// <summary>
/// A frame's header was read but its body was not (an unknown method id, an argument that does not deserialize).
/// <see cref="Header"/> has every header field, so the receiver can still answer the caller with an error response.
/// </summary>
public sealed class MessageBodyException : Exception
{
    /// <summary>Creates the exception.</summary>
    public MessageBodyException(Message header, Exception innerException)
        : base($"The body of {header?.Kind} #{header?.CorrelationId} to {header?.TargetGrain} could not be read: {innerException?.Message}", innerException)
    {
        ArgumentNullException.ThrowIfNull(header);
        Header = header;
    }

    /// <summary>The message with its header fields set and no request.</summary>
    public Message Header { get; }
}
