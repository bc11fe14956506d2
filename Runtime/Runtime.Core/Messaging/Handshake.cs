using System.Net;
using System.Security.Cryptography;

namespace Rayswarm.Runtime.Core;

/// <summary>
/// The handshake both ends run before any frame. Each side sends a hello (magic "RSWM", protocol version, role,
/// 32-byte nonce, cluster id, silo address), then a proof: HMAC-SHA256 keyed with the UTF-8 secret over
/// "rayswarm-proof" | own role | own nonce | peer nonce | cluster id, then a verdict. Instead of its proof or verdict a
/// side may send a refusal with a reason, which the other side reports. The secret never crosses the wire, and the
/// nonces make every proof single-use.
/// </summary>
internal static partial class Handshake
{
    /// <summary>
    /// Runs the handshake on <paramref name="stream"/> as <paramref name="localSilo"/> (null for a client).
    /// <paramref name="verify"/> runs once the peer is authenticated and may refuse it by returning a reason.
    /// Throws <see cref="ConnectionRefusedException"/> when either side refuses or the timeout passes.
    /// </summary>
    public static async Task<HandshakePeer> RunAsync(Stream stream, EndPoint remote, ConnectionSettings settings, SiloAddress? localSilo,
        Func<HandshakePeer, string?>? verify, CancellationToken cancellationToken)
    {
        using var timeout = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        timeout.CancelAfter(settings.HandshakeTimeout);
        try
        {
            return await ExchangeAsync(stream, remote, settings, localSilo, verify, timeout.Token).ConfigureAwait(false);
        }
        catch (Exception e) when (e is OperationCanceledException or IOException && timeout.IsCancellationRequested && !cancellationToken.IsCancellationRequested)
        {
            throw new ConnectionRefusedException(remote, TimedOut(settings.HandshakeTimeout), e);
        }
        catch (Exception e) when (e is EndOfStreamException or IOException)
        {
            throw new ConnectionRefusedException(remote, "the peer closed the connection during the handshake", e);
        }
    }

    /// <summary>The reason given when a handshake (or connect) runs out of time.</summary>
    public static string TimedOut(TimeSpan timeout) => $"the handshake did not complete within {timeout.TotalSeconds:0.###} s";

    private static async Task<HandshakePeer> ExchangeAsync(Stream stream, EndPoint remote, ConnectionSettings settings, SiloAddress? localSilo,
        Func<HandshakePeer, string?>? verify, CancellationToken cancellationToken)
    {
        var localRole = localSilo is null ? ConnectionRole.Client : ConnectionRole.Silo;
        var nonce = RandomNumberGenerator.GetBytes(NonceSize);
        await stream.WriteAsync(EncodeHello(settings.ClusterId, localRole, localSilo, nonce), cancellationToken).ConfigureAwait(false);

        var hello = await ReadHelloAsync(stream, settings.ClusterId, cancellationToken).ConfigureAwait(false);
        if (hello.Problem is not null) { await RefuseAsync(stream, remote, hello.Problem, cancellationToken).ConfigureAwait(false); }
        var peer = hello.Peer!;

        await stream.WriteAsync(EncodeProof(Proof(settings.Secret, localRole, nonce, hello.Nonce, settings.ClusterId)), cancellationToken)
            .ConfigureAwait(false);
        var peerProof = await ReadProofAsync(stream, remote, cancellationToken).ConfigureAwait(false);
        var expected = Proof(settings.Secret, peer.Role, hello.Nonce, nonce, settings.ClusterId);
        var problem = CryptographicOperations.FixedTimeEquals(peerProof, expected)
            ? verify?.Invoke(peer)
            : "the peer's proof does not match: its cluster secret differs from this side's";
        if (problem is not null) { await RefuseAsync(stream, remote, problem, cancellationToken).ConfigureAwait(false); }

        await stream.WriteAsync(AcceptVerdict, cancellationToken).ConfigureAwait(false);
        await ReadVerdictAsync(stream, remote, cancellationToken).ConfigureAwait(false);
        return peer;
    }

    /// <summary>Tells the peer why (best effort: it may already be gone), then throws the refusal on this side.</summary>
    private static async Task RefuseAsync(Stream stream, EndPoint remote, string reason, CancellationToken cancellationToken)
    {
        try
        {
            await stream.WriteAsync(EncodeRefusal(reason), cancellationToken).ConfigureAwait(false);
            await stream.FlushAsync(cancellationToken).ConfigureAwait(false);
        }
        catch (Exception e) when (e is IOException or ObjectDisposedException or OperationCanceledException)
        {
            // The refusal below is what matters; the peer learns of it by the connection closing.
        }
        throw new ConnectionRefusedException(remote, reason);
    }

    private static byte[] Proof(string? secret, ConnectionRole role, byte[] ownNonce, byte[] peerNonce, string clusterId)
    {
        var label = "rayswarm-proof"u8;
        var cluster = Utf8.GetBytes(clusterId);
        var data = new byte[label.Length + 1 + (2 * NonceSize) + cluster.Length];
        label.CopyTo(data);
        data[label.Length] = (byte)role;
        ownNonce.CopyTo(data, label.Length + 1);
        peerNonce.CopyTo(data, label.Length + 1 + NonceSize);
        cluster.CopyTo(data, label.Length + 1 + (2 * NonceSize));
        return HMACSHA256.HashData(Utf8.GetBytes(secret ?? string.Empty), data);
    }
}
