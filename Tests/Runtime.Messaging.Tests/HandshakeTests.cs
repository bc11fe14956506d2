using System.Net;
using System.Net.Sockets;
using System.Text;
using Microsoft.Extensions.Logging;
using Rayswarm.Runtime.Core;

namespace Rayswarm.Runtime.Messaging.Tests;

public sealed class HandshakeTests
{
    private static readonly ConnectionSettings Quick = TestServer.DefaultSettings with { HandshakeTimeout = TimeSpan.FromSeconds(1) };

    [Fact]
    public async Task Peers_without_a_secret_on_either_side_connect_on_loopback()
    {
        var open = TestServer.DefaultSettings with { Secret = null };
        await using var server = TestServer.Start(open);
        await using var client = await server.ConnectAsync(new RecordingHandler(), open with { Secret = "" });

        Assert.True(client.Send(TestCodec.Create(1, "no secret")));
        Assert.Equal(1, (await server.Handler.NextAsync()).CorrelationId);
    }

    [Fact]
    public async Task A_wrong_secret_is_refused_with_the_reason_on_both_sides()
    {
        await using var server = TestServer.Start();

        var refused = await Assert.ThrowsAsync<ConnectionRefusedException>(
            () => server.ConnectAsync(new RecordingHandler(), TestServer.DefaultSettings with { Secret = "wrong" }));

        Assert.Contains("secret differs", refused.Reason, StringComparison.Ordinal);
        Assert.Equal(server.Listener.EndPoint, refused.RemoteEndPoint);
        await Eventually.True(() => server.Log.Has(LogLevel.Warning, "Refused a connection from 127.0.0.1:", "secret differs"), "the refusal is logged");
        Assert.Equal(0, server.AcceptedCount);
    }

    [Fact]
    public async Task A_secret_on_one_side_only_is_refused()
    {
        await using var server = TestServer.Start();

        var refused = await Assert.ThrowsAsync<ConnectionRefusedException>(
            () => server.ConnectAsync(new RecordingHandler(), TestServer.DefaultSettings with { Secret = null }));

        Assert.Contains("secret differs", refused.Reason, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_different_cluster_id_is_refused_with_the_reason_on_both_sides()
    {
        await using var server = TestServer.Start();

        var refused = await Assert.ThrowsAsync<ConnectionRefusedException>(
            () => server.ConnectAsync(new RecordingHandler(), TestServer.DefaultSettings with { ClusterId = "other-cluster" }));

        Assert.Equal("cluster id mismatch: the peer is in cluster 'test-cluster', this side in 'other-cluster'", refused.Reason);
        await Eventually.True(() => server.Log.Has(LogLevel.Warning, "127.0.0.1:", "cluster id mismatch"), "the refusal is logged");
    }

    [Fact]
    public async Task Garbage_from_a_raw_socket_is_refused_and_logged_naming_the_sender()
    {
        await using var server = TestServer.Start();
        using var raw = new Socket(AddressFamily.InterNetwork, SocketType.Stream, ProtocolType.Tcp);
        await raw.ConnectAsync(server.Listener.EndPoint);

        await raw.SendAsync(Encoding.ASCII.GetBytes("GET / HTTP/1.1\r\nHost: silo\r\n\r\n"), SocketFlags.None);
        await ReadToEndAsync(raw).Within();

        await Eventually.True(() => server.Log.Has(LogLevel.Warning, raw.LocalEndPoint!.ToString()!, "bad magic"), "the refusal is logged");
        Assert.Equal(0, server.AcceptedCount);
    }

    [Fact]
    public async Task A_peer_of_another_protocol_version_is_refused()
    {
        await using var server = TestServer.Start();
        using var raw = new Socket(AddressFamily.InterNetwork, SocketType.Stream, ProtocolType.Tcp);
        await raw.ConnectAsync(server.Listener.EndPoint);

        await raw.SendAsync((byte[])[.. "RSWM"u8, 2, 1, .. new byte[32], 0, 0, 0, 0], SocketFlags.None);
        await ReadToEndAsync(raw).Within();

        await Eventually.True(() => server.Log.Has(LogLevel.Warning, "protocol version 2"), "the refusal is logged");
    }

    [Fact]
    public async Task A_server_that_sends_garbage_is_refused_on_the_connecting_side()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        var garbage = Task.Run(async () =>
        {
            using var socket = await listener.AcceptSocketAsync();
            await socket.SendAsync(Encoding.ASCII.GetBytes("SSH-2.0-OpenSSH_9.6\r\n"), SocketFlags.None);
            await ReadToEndAsync(socket);
        });

        var refused = await Assert.ThrowsAsync<ConnectionRefusedException>(() => ConnectAsync((IPEndPoint)listener.LocalEndpoint, Quick));

        Assert.Contains("bad magic", refused.Reason, StringComparison.Ordinal);
        await garbage.Within();
    }

    [Fact]
    public async Task The_handshake_times_out_when_the_server_says_nothing()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        var silent = Task.Run(async () =>
        {
            using var socket = await listener.AcceptSocketAsync();
            await ReadToEndAsync(socket);
        });

        var refused = await Assert.ThrowsAsync<ConnectionRefusedException>(() => ConnectAsync((IPEndPoint)listener.LocalEndpoint, Quick));

        Assert.Equal("the handshake did not complete within 1 s", refused.Reason);
        await silent.Within(); // the connecting side closed its socket
    }

    [Fact]
    public async Task The_handshake_times_out_when_the_client_says_nothing()
    {
        await using var server = TestServer.Start(Quick);
        using var raw = new Socket(AddressFamily.InterNetwork, SocketType.Stream, ProtocolType.Tcp);
        await raw.ConnectAsync(server.Listener.EndPoint);

        var received = await ReadToEndAsync(raw).Within(); // the server's hello, then the close

        Assert.StartsWith("RSWM", Encoding.ASCII.GetString(received, 0, 4), StringComparison.Ordinal);
        await Eventually.True(() => server.Log.Has(LogLevel.Warning, raw.LocalEndPoint!.ToString()!, "did not complete within 1 s"), "the timeout is logged");
    }

    [Fact]
    public async Task A_restarted_silo_on_the_expected_endpoint_is_refused()
    {
        await using var server = TestServer.Start(generation: 2);
        var previous = server.Silo with { Generation = 1 };

        var refused = await Assert.ThrowsAsync<ConnectionRefusedException>(() => server.ConnectAsync(new RecordingHandler(), expect: previous));

        Assert.Equal($"expected silo {previous}, but the endpoint is served by silo {server.Silo}", refused.Reason);
    }

    [Fact]
    public async Task The_listener_admission_check_refuses_with_its_reason()
    {
        await using var server = TestServer.Start(admit: peer => peer.Role == ConnectionRole.Client ? "no clients today" : null);

        var refused = await Assert.ThrowsAsync<ConnectionRefusedException>(() => server.ConnectAsync(new RecordingHandler()));

        Assert.Equal("the peer refused this side: no clients today", refused.Reason);
        await Eventually.True(() => server.Log.Has(LogLevel.Warning, "no clients today"), "the refusal is logged");
    }

    [Fact]
    public async Task Listening_off_loopback_without_a_secret_throws_naming_the_setting()
    {
        var error = Assert.Throws<InvalidOperationException>(() => new ConnectionListener(new IPEndPoint(IPAddress.Any, 0),
            TestServer.DefaultSettings with { Secret = null }, TestCodec.Instance, new RecordingHandler(), _ => { }, new ListLogger()));

        Assert.Contains("ClusterOptions.Secret", error.Message, StringComparison.Ordinal);
    }

    private static Task<Connection> ConnectAsync(IPEndPoint endPoint, ConnectionSettings settings) =>
        Connection.ConnectAsync(endPoint, null, null, settings, TestCodec.Instance, new RecordingHandler(), new ListLogger(), CancellationToken.None);

    /// <summary>Reads until the other end closes (or resets) the connection; returns what arrived.</summary>
    private static async Task<byte[]> ReadToEndAsync(Socket socket)
    {
        var received = new MemoryStream();
        var buffer = new byte[4096];
        try
        {
            int read;
            while ((read = await socket.ReceiveAsync(buffer, SocketFlags.None)) > 0) { received.Write(buffer, 0, read); }
        }
        catch (SocketException)
        {
            // a reset ends the connection too
        }
        return received.ToArray();
    }
}
