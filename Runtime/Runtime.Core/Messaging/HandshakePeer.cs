namespace Rayswarm.Runtime.Core;

/// <summary>Who the other end of a connection proved to be in the handshake.</summary>
/// <param name="Role">Silo or client.</param>
/// <param name="Silo">The peer's silo address; null for a client.</param>
internal sealed record HandshakePeer(ConnectionRole Role, SiloAddress? Silo);
