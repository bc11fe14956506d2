using System.Buffers.Binary;
using System.Net;
using System.Text;

namespace Rayswarm.Runtime.Core;

/// <summary>The handshake's wire format: hello, proof, verdict and refusal records.</summary>
internal static partial class Handshake
{
    /// <summary>The only protocol version spoken.</summary>
    public const byte ProtocolVersion = 1;

    private const int NonceSize = 32;
    private const int ProofSize = 32;
    private const int MaxStringBytes = 1024;
    private const byte ProofTag = (byte)'P';
    private const byte AcceptTag = (byte)'A';
    private const byte RefuseTag = (byte)'R';

    // magic(4) | version(1) | role(1) | nonce(32) | cluster id length(2), then the cluster id, then silo length(2) + silo.
    private const int HelloHeadSize = 4 + 1 + 1 + NonceSize + 2;

    private static readonly UTF8Encoding Utf8 = new(encoderShouldEmitUTF8Identifier: false, throwOnInvalidBytes: true);
    private static readonly byte[] AcceptVerdict = [AcceptTag];

    private static ReadOnlySpan<byte> Magic => "RSWM"u8;

    private static byte[] EncodeHello(string clusterId, ConnectionRole role, SiloAddress? silo, byte[] nonce)
    {
        var cluster = Utf8.GetBytes(clusterId);
        var address = silo is null ? [] : Utf8.GetBytes(silo.ToString());
        if (cluster.Length > MaxStringBytes) { throw new ArgumentException($"The cluster id is longer than {MaxStringBytes} bytes.", nameof(clusterId)); }
        if (address.Length > MaxStringBytes) { throw new ArgumentException($"The silo address is longer than {MaxStringBytes} bytes.", nameof(silo)); }
        var hello = new byte[HelloHeadSize + cluster.Length + 2 + address.Length];
        var span = hello.AsSpan();
        Magic.CopyTo(span);
        span[4] = ProtocolVersion;
        span[5] = (byte)role;
        nonce.CopyTo(span[6..]);
        BinaryPrimitives.WriteUInt16LittleEndian(span[(HelloHeadSize - 2)..], (ushort)cluster.Length);
        cluster.CopyTo(span[HelloHeadSize..]);
        BinaryPrimitives.WriteUInt16LittleEndian(span[(HelloHeadSize + cluster.Length)..], (ushort)address.Length);
        address.CopyTo(span[(HelloHeadSize + cluster.Length + 2)..]);
        return hello;
    }

    private static byte[] EncodeProof(byte[] proof) => [ProofTag, .. proof];

    private static byte[] EncodeRefusal(string reason)
    {
        var text = Utf8.GetBytes(reason.Length > MaxStringBytes / 4 ? reason[..(MaxStringBytes / 4)] : reason);
        var refusal = new byte[3 + text.Length];
        refusal[0] = RefuseTag;
        BinaryPrimitives.WriteUInt16LittleEndian(refusal.AsSpan(1), (ushort)text.Length);
        text.CopyTo(refusal, 3);
        return refusal;
    }

    /// <summary>Reads the peer's hello; a hello this side cannot accept comes back with a <see cref="PeerHello.Problem"/>.</summary>
    private static async Task<PeerHello> ReadHelloAsync(Stream stream, string clusterId, CancellationToken cancellationToken)
    {
        var head = new byte[HelloHeadSize];
        await stream.ReadExactlyAsync(head.AsMemory(0, 4), cancellationToken).ConfigureAwait(false);
        if (!head.AsSpan(0, 4).SequenceEqual(Magic)) { return PeerHello.Refused("the peer does not speak the Rayswarm protocol (bad magic)"); }
        await stream.ReadExactlyAsync(head.AsMemory(4), cancellationToken).ConfigureAwait(false);
        if (head[4] != ProtocolVersion) { return PeerHello.Refused($"the peer speaks protocol version {head[4]}; this side speaks {ProtocolVersion}"); }
        var role = (ConnectionRole)head[5];
        if (role is not (ConnectionRole.Silo or ConnectionRole.Client)) { return PeerHello.Refused($"the peer sent an unknown role {head[5]}"); }
        var nonce = head.AsSpan(6, NonceSize).ToArray();

        var peerCluster = await ReadStringAsync(stream, BinaryPrimitives.ReadUInt16LittleEndian(head.AsSpan(HelloHeadSize - 2)), cancellationToken)
            .ConfigureAwait(false);
        var lengthBytes = new byte[2];
        await stream.ReadExactlyAsync(lengthBytes, cancellationToken).ConfigureAwait(false);
        var address = await ReadStringAsync(stream, BinaryPrimitives.ReadUInt16LittleEndian(lengthBytes), cancellationToken).ConfigureAwait(false);
        if (peerCluster is null || address is null) { return PeerHello.Refused("the peer sent a malformed hello"); }
        if (!string.Equals(peerCluster, clusterId, StringComparison.Ordinal))
        {
            return PeerHello.Refused($"cluster id mismatch: the peer is in cluster '{peerCluster}', this side in '{clusterId}'");
        }
        if (role == ConnectionRole.Client) { return address.Length == 0 ? new PeerHello(new HandshakePeer(role, null), nonce, null) : PeerHello.Refused("a client sent a silo address"); }
        try
        {
            return new PeerHello(new HandshakePeer(role, SiloAddress.Parse(address)), nonce, null);
        }
        catch (FormatException)
        {
            return PeerHello.Refused($"the peer sent an invalid silo address '{address}'");
        }
    }

    private static async Task<byte[]> ReadProofAsync(Stream stream, EndPoint remote, CancellationToken cancellationToken)
    {
        var tag = await ReadTagAsync(stream, remote, cancellationToken).ConfigureAwait(false);
        if (tag != ProofTag) { throw new ConnectionRefusedException(remote, $"the peer sent an unexpected handshake record {tag}"); }
        var proof = new byte[ProofSize];
        await stream.ReadExactlyAsync(proof, cancellationToken).ConfigureAwait(false);
        return proof;
    }

    private static async Task ReadVerdictAsync(Stream stream, EndPoint remote, CancellationToken cancellationToken)
    {
        var tag = await ReadTagAsync(stream, remote, cancellationToken).ConfigureAwait(false);
        if (tag != AcceptTag) { throw new ConnectionRefusedException(remote, $"the peer sent an unexpected handshake record {tag}"); }
    }

    /// <summary>Reads a record tag; a refusal is read whole and thrown with the peer's reason.</summary>
    private static async Task<byte> ReadTagAsync(Stream stream, EndPoint remote, CancellationToken cancellationToken)
    {
        var tag = new byte[3];
        await stream.ReadExactlyAsync(tag.AsMemory(0, 1), cancellationToken).ConfigureAwait(false);
        if (tag[0] != RefuseTag) { return tag[0]; }
        await stream.ReadExactlyAsync(tag.AsMemory(1, 2), cancellationToken).ConfigureAwait(false);
        var reason = await ReadStringAsync(stream, BinaryPrimitives.ReadUInt16LittleEndian(tag.AsSpan(1)), cancellationToken).ConfigureAwait(false);
        throw new ConnectionRefusedException(remote, $"the peer refused this side: {reason ?? "(unreadable reason)"}");
    }

    /// <summary>Reads a UTF-8 string of <paramref name="length"/> bytes; null if it is too long or not UTF-8.</summary>
    private static async Task<string?> ReadStringAsync(Stream stream, int length, CancellationToken cancellationToken)
    {
        if (length > MaxStringBytes) { return null; }
        var bytes = new byte[length];
        await stream.ReadExactlyAsync(bytes, cancellationToken).ConfigureAwait(false);
        try
        {
            return Utf8.GetString(bytes);
        }
        catch (DecoderFallbackException)
        {
            return null;
        }
    }

    private sealed record PeerHello(HandshakePeer? Peer, byte[] Nonce, string? Problem)
    {
        public static PeerHello Refused(string problem) => new(null, [], problem);
    }
}
