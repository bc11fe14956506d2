using System.Collections.Concurrent;
using Microsoft.Extensions.Logging;
using Rayswarm.Runtime.Core;

namespace Rayswarm.Runtime.Messaging.Tests;

public sealed class ConnectionTests
{
    [Fact]
    public async Task Frames_round_trip_in_both_directions()
    {
        await using var server = TestServer.Start();
        server.Handler.Reply = (connection, message) =>
            connection.Send(TestCodec.Create(message.CorrelationId, "echo:" + TestCodec.BodyOf(message), MessageKind.Response));
        var clientHandler = new RecordingHandler();
        await using var client = await server.ConnectAsync(clientHandler);
        var accepted = await server.NextAcceptedAsync();

        Assert.True(client.Send(TestCodec.Create(7, "héllo")));
        var request = await server.Handler.NextAsync();
        var response = await clientHandler.NextAsync();
        Assert.True(accepted.Send(TestCodec.Create(8, "from the silo", MessageKind.Ping)));
        var ping = await clientHandler.NextAsync();

        Assert.Equal((MessageKind.Request, 7L, "héllo"), (request.Kind, request.CorrelationId, TestCodec.BodyOf(request)));
        Assert.Equal((MessageKind.Response, 7L, "echo:héllo"), (response.Kind, response.CorrelationId, TestCodec.BodyOf(response)));
        Assert.Equal((MessageKind.Ping, 8L, "from the silo"), (ping.Kind, ping.CorrelationId, TestCodec.BodyOf(ping)));
        Assert.Equal((server.Silo, ConnectionRole.Silo, false, false), (client.RemoteSilo, client.Role, client.IsClient, client.IsInbound));
        Assert.Equal((null, ConnectionRole.Client, true, true), (accepted.RemoteSilo, accepted.Role, accepted.IsClient, accepted.IsInbound));
        Assert.Equal(client.LocalEndPoint, accepted.RemoteEndPoint);
    }

    [Fact]
    public async Task Ten_thousand_messages_from_eight_threads_arrive_exactly_once_and_in_order_per_thread()
    {
        const int Threads = 8;
        const int PerThread = 1250;
        await using var server = TestServer.Start();
        await using var client = await server.ConnectAsync(new RecordingHandler());
        var counts = new ConcurrentDictionary<long, int>();
        var lastSeen = new long[Threads];
        Array.Fill(lastSeen, -1);
        var outOfOrder = 0;
        server.Handler.Reply = (_, message) =>
        {
            counts.AddOrUpdate(message.CorrelationId, 1, (_, n) => n + 1);
            var thread = (int)(message.CorrelationId / PerThread);
            var sequence = message.CorrelationId % PerThread;
            if (sequence <= lastSeen[thread]) { outOfOrder++; }
            lastSeen[thread] = sequence; // the reader loop is the only writer
        };

        using var start = new Barrier(Threads);
        var refused = 0;
        var senders = Enumerable.Range(0, Threads).Select(t => Task.Factory.StartNew(() =>
        {
            start.SignalAndWait();
            for (var i = 0; i < PerThread; i++)
            {
                if (!client.Send(TestCodec.Create((t * PerThread) + i, $"message {i} of thread {t}"))) { Interlocked.Increment(ref refused); }
            }
        }, TaskCreationOptions.LongRunning)).ToArray();
        await Task.WhenAll(senders).Within();
        await Eventually.True(() => server.Handler.ReceivedCount >= Threads * PerThread, "all 10,000 messages arrive");

        Assert.Equal(0, refused);
        Assert.Equal(Threads * PerThread, server.Handler.ReceivedCount);
        Assert.Equal(Threads * PerThread, counts.Count);
        Assert.All(counts.Values, n => Assert.Equal(1, n));
        Assert.Equal(0, outOfOrder);
    }

    [Fact]
    public async Task A_frame_at_the_maximum_size_arrives_and_one_byte_more_closes_the_connection()
    {
        const int Max = 64 * 1024;
        await using var server = TestServer.Start(TestServer.DefaultSettings with { MaxFrameSize = Max });
        var clientHandler = new RecordingHandler();
        await using var client = await server.ConnectAsync(clientHandler, TestServer.DefaultSettings with { MaxFrameSize = 4 * Max });
        var accepted = await server.NextAcceptedAsync();

        Assert.True(client.Send(TestCodec.OfPayloadLength(1, Max)));
        var atMax = await server.Handler.NextAsync();
        Assert.True(client.Send(TestCodec.OfPayloadLength(2, Max + 1)));
        await accepted.Closed.Within();
        await client.Closed.Within();

        Assert.Equal((1L, Max - TestCodec.Overhead), (atMax.CorrelationId, atMax.Body.Length));
        Assert.Equal(1, server.Handler.ReceivedCount);
        Assert.Equal(1, server.Handler.CloseCounts[accepted]);
        Assert.IsType<InvalidDataException>(server.Handler.CloseReasons[accepted]);
        Assert.True(server.Log.Has(LogLevel.Error, $"{Max + 1} bytes", "exceeds the maximum"), server.Log.ToString());
        Assert.Equal(1, clientHandler.CloseCounts[client]);
    }

    [Fact]
    public async Task A_message_that_cannot_be_sent_is_reported_and_the_connection_stays_open()
    {
        await using var server = TestServer.Start();
        var clientHandler = new RecordingHandler();
        var settings = TestServer.DefaultSettings with { MaxFrameSize = 1024 };
        await using var client = await server.ConnectAsync(clientHandler, settings);

        Assert.True(client.Send(TestCodec.OfPayloadLength(1, 1025)));
        Assert.True(client.Send(TestCodec.Create(2, TestCodec.Poison)));
        Assert.True(client.Send(TestCodec.Create(3, "fine")));
        var arrived = await server.Handler.NextAsync();

        Assert.Equal(3, arrived.CorrelationId);
        Assert.Equal([1L, 2L], clientHandler.SendFailures.Select(f => f.Message.CorrelationId));
        Assert.Contains("maximum frame size", clientHandler.SendFailures.First().Error.Message, StringComparison.Ordinal);
        Assert.True(client.CanSend);
    }

    [Fact]
    public async Task Send_returns_false_once_the_unsent_bytes_exceed_the_limit_and_true_again_after_the_peer_reads()
    {
        const long Limit = 64 * 1024;
        await using var peer = await SilentPeer.StartAsync();
        await using var client = await peer.ConnectAsync(TestServer.DefaultSettings with { MaxQueuedBytes = Limit });
        var body = new string('x', 32 * 1024);

        // The peer never reads: the kernel's buffers fill, then the connection's own queue, then Send refuses.
        var sent = 0;
        await Eventually.True(() =>
        {
            for (var i = 0; i < 16; i++)
            {
                if (!client.Send(TestCodec.Create(sent, body))) { return true; }
                sent++;
            }
            return false;
        }, "Send returns false", timeoutMs: 30_000);

        Assert.True((long)sent * body.Length > Limit); // refused only past the limit (the kernel's buffers took the rest)
        Assert.True(client.CanSend);
        Assert.False(client.Closed.IsCompleted);

        peer.StartReading();
        await Eventually.True(() => client.Send(TestCodec.Create(-1, "after the peer read")), "Send accepts again once the peer reads");
    }

    [Fact]
    public async Task Close_is_idempotent_drops_what_is_queued_and_reports_once()
    {
        await using var server = TestServer.Start();
        var clientHandler = new RecordingHandler();
        var client = await server.ConnectAsync(clientHandler);
        var accepted = await server.NextAcceptedAsync();
        var reason = new InvalidOperationException("test close");

        client.Close(reason);
        client.Close(null);
        await client.DisposeAsync();
        await accepted.Closed.Within();

        Assert.False(client.Send(TestCodec.Create(1, "too late")));
        Assert.False(client.CanSend);
        Assert.Equal(1, clientHandler.CloseCounts[client]);
        Assert.Same(reason, clientHandler.CloseReasons[client]);
        Assert.Equal(1, server.Handler.CloseCounts[accepted]);
    }

    [Fact]
    public async Task Drain_delivers_everything_queued_then_closes_both_ends_in_order()
    {
        await using var server = TestServer.Start();
        var clientHandler = new RecordingHandler();
        var client = await server.ConnectAsync(clientHandler);
        var accepted = await server.NextAcceptedAsync();

        for (var i = 0; i < 1000; i++) { Assert.True(client.Send(TestCodec.Create(i, "queued before the drain"))); }
        client.Drain();
        var afterDrain = client.Send(TestCodec.Create(1000, "after the drain"));
        await client.Closed.Within();
        await accepted.Closed.Within();

        Assert.False(afterDrain);
        Assert.Equal(Enumerable.Range(0, 1000).Select(i => (long)i), server.Handler.Drain().Select(m => m.CorrelationId));
        Assert.Null(clientHandler.CloseReasons[client]);
        Assert.Null(server.Handler.CloseReasons[accepted]);
    }
}
