namespace Rayswarm.Runtime.Core;

/// <summary>What one end of a connection is; sent in the handshake.</summary>
internal enum ConnectionRole : byte
{
    /// <summary>A silo: it has a <see cref="SiloAddress"/> and serves grains.</summary>
    Silo = 1,

    /// <summary>A cluster client (the gateway): it calls grains but hosts none.</summary>
    Client = 2,
}
