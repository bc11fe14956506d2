namespace Rayswarm.Runtime.Core;

/// <summary>Sends messages to silos (connecting when needed) and replies on the connection a message came from.</summary>
internal interface IMessageTransport
{
    /// <summary>Sends, connecting first if needed. Throws <see cref="Abstractions.SiloUnavailableException"/> if the silo cannot be reached or the send queue is full.</summary>
    ValueTask SendAsync(SiloAddress target, Message message, CancellationToken cancellationToken);
}
