using Rayswarm.Runtime.Abstractions;
using Rayswarm.Runtime.Core;

namespace Rayswarm.Runtime.Messaging.Tests;

public sealed class ConnectionManagerTests
{
    [Fact]
    public async Task Concurrent_callers_share_one_connect_attempt_and_one_connection()
    {
        await using var a = SiloNode.Start();
        await using var b = SiloNode.Start();

        var connections = await Task.WhenAll(Enumerable.Range(0, 32).Select(_ => Task.Run(() => a.Manager.GetConnectionAsync(b.Silo).AsTask()))).Within();

        await Eventually.True(() => b.AcceptedCount > 0, "b accepts"); // its side of the handshake may finish a moment later

        Assert.All(connections, c => Assert.Same(connections[0], c));
        Assert.Equal(1, a.Manager.ConnectAttempts);
        Assert.Equal(1, b.AcceptedCount);
        Assert.Same(connections[0], a.Manager.TryGetConnection(b.Silo));
    }

    [Fact]
    public async Task The_other_side_reuses_an_inbound_connection()
    {
        await using var a = SiloNode.Start();
        await using var b = SiloNode.Start();

        var outbound = await a.Manager.GetConnectionAsync(b.Silo);
        await Eventually.True(() => b.Manager.TryGetConnection(a.Silo) is not null, "b registers the inbound connection");
        var inbound = await b.Manager.GetConnectionAsync(a.Silo);

        Assert.True(inbound.IsInbound);
        Assert.Equal(outbound.LocalEndPoint, inbound.RemoteEndPoint);
        Assert.Equal(0, b.Manager.ConnectAttempts);
    }

    [Fact]
    public async Task Simultaneous_connects_keep_the_one_opened_by_the_lower_silo_and_lose_no_message()
    {
        await using var a = SiloNode.Start(holdInbound: true);
        await using var b = SiloNode.Start(holdInbound: true);

        // Both connect before either learns of the other's connection.
        var fromA = await a.Manager.GetConnectionAsync(b.Silo);
        var fromB = await b.Manager.GetConnectionAsync(a.Silo);
        for (var i = 0; i < 100; i++)
        {
            Assert.True(fromA.Send(TestCodec.Create(i, "a to b")));
            Assert.True(fromB.Send(TestCodec.Create(1000 + i, "b to a")));
        }
        a.Manager.AddInbound(await a.NextHeldAsync());
        b.Manager.AddInbound(await b.NextHeldAsync());

        var lower = string.CompareOrdinal(a.Silo.ToString(), b.Silo.ToString()) < 0 ? a : b;
        await Eventually.True(() => a.Manager.ConnectionCount(b.Silo) == 1 && b.Manager.ConnectionCount(a.Silo) == 1, "one connection per side remains");
        var keptByA = await a.Manager.GetConnectionAsync(b.Silo);
        var keptByB = await b.Manager.GetConnectionAsync(a.Silo);
        await Eventually.True(() => a.Handler.ReceivedCount == 100 && b.Handler.ReceivedCount == 100, "every message sent on either connection arrives");

        Assert.Equal(keptByA.LocalEndPoint, keptByB.RemoteEndPoint);
        Assert.Same(lower == a ? fromA : fromB, lower == a ? keptByA : keptByB);
        Assert.Equal(Enumerable.Range(0, 100).Select(i => (long)i), b.Handler.Drain().Select(m => m.CorrelationId));
        Assert.Equal(Enumerable.Range(1000, 100).Select(i => (long)i), a.Handler.Drain().Select(m => m.CorrelationId));
        Assert.All(a.Handler.CloseReasons.Values.Concat(b.Handler.CloseReasons.Values), Assert.Null);
    }

    [Fact]
    public async Task Silos_connecting_to_each_other_at_once_end_with_exactly_one_connection()
    {
        for (var round = 0; round < 10; round++)
        {
            await using var a = SiloNode.Start();
            await using var b = SiloNode.Start();

            await Task.WhenAll(Task.Run(() => a.Manager.GetConnectionAsync(b.Silo).AsTask()), Task.Run(() => b.Manager.GetConnectionAsync(a.Silo).AsTask()))
                .Within();

            await Eventually.True(() => a.Manager.ConnectionCount(b.Silo) == 1 && b.Manager.ConnectionCount(a.Silo) == 1
                && a.Manager.TryGetConnection(b.Silo) is { } ab && b.Manager.TryGetConnection(a.Silo) is { } ba && ab.LocalEndPoint.Equals(ba.RemoteEndPoint),
                $"round {round}: one shared connection");
        }
    }

    [Fact]
    public async Task A_dead_peer_fails_fast_and_is_not_retried_during_the_back_off()
    {
        var time = new ManualTimeProvider();
        await using var a = SiloNode.Start(time: time);
        var b = SiloNode.Start();
        await b.DisposeAsync(); // nothing listens on b's port any more

        await Assert.ThrowsAsync<SiloUnavailableException>(() => a.Manager.GetConnectionAsync(b.Silo).AsTask()).Within(3_000);
        var backingOff = await Assert.ThrowsAsync<SiloUnavailableException>(() => a.Manager.GetConnectionAsync(b.Silo).AsTask());
        Assert.Equal(1, a.Manager.ConnectAttempts);
        Assert.Contains("next connection attempt is allowed in 200 ms", backingOff.Message, StringComparison.Ordinal);

        time.Advance(TimeSpan.FromMilliseconds(200));
        await Assert.ThrowsAsync<SiloUnavailableException>(() => a.Manager.GetConnectionAsync(b.Silo).AsTask()).Within(3_000);
        Assert.Equal(2, a.Manager.ConnectAttempts);

        time.Advance(TimeSpan.FromMilliseconds(200));
        await Assert.ThrowsAsync<SiloUnavailableException>(() => a.Manager.GetConnectionAsync(b.Silo).AsTask());
        Assert.Equal(2, a.Manager.ConnectAttempts); // the second failure doubled the wait to 400 ms

        for (var attempt = 3; attempt <= 6; attempt++)
        {
            time.Advance(TimeSpan.FromSeconds(2));
            await Assert.ThrowsAsync<SiloUnavailableException>(() => a.Manager.GetConnectionAsync(b.Silo).AsTask()).Within(3_000);
            Assert.Equal(attempt, a.Manager.ConnectAttempts);
        }
        var capped = await Assert.ThrowsAsync<SiloUnavailableException>(() => a.Manager.GetConnectionAsync(b.Silo).AsTask());
        Assert.Contains("allowed in 2000 ms", capped.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Disconnect_closes_the_connection_and_the_next_call_reconnects()
    {
        await using var a = SiloNode.Start();
        await using var b = SiloNode.Start();
        var first = await a.Manager.GetConnectionAsync(b.Silo);

        a.Manager.Disconnect(b.Silo);
        var second = await a.Manager.GetConnectionAsync(b.Silo);

        Assert.True(first.Closed.IsCompleted);
        Assert.NotSame(first, second);
        Assert.True(second.CanSend);
        Assert.Equal(2, a.Manager.ConnectAttempts);
        Assert.True(second.Send(TestCodec.Create(1, "after reconnecting")));
        Assert.Equal(1, (await b.Handler.NextAsync()).CorrelationId);
    }

    [Fact]
    public async Task A_connection_closed_by_the_peer_is_forgotten_and_the_next_call_reconnects()
    {
        await using var a = SiloNode.Start();
        await using var b = SiloNode.Start();
        var first = await a.Manager.GetConnectionAsync(b.Silo);
        await Eventually.True(() => b.Manager.TryGetConnection(a.Silo) is not null, "b registers the connection");

        b.Manager.Disconnect(a.Silo);
        await first.Closed.Within();
        var second = await a.Manager.GetConnectionAsync(b.Silo);

        Assert.NotSame(first, second);
        Assert.True(second.CanSend);
    }

    [Fact]
    public async Task Silos_known_dead_are_refused_in_both_directions()
    {
        await using var a = SiloNode.Start();
        await using var b = SiloNode.Start();
        a.Manager.IsDead = silo => silo == b.Silo;

        var outgoing = await Assert.ThrowsAsync<SiloUnavailableException>(() => a.Manager.GetConnectionAsync(b.Silo).AsTask());
        var incoming = await Assert.ThrowsAsync<ConnectionRefusedException>(() => b.Manager.GetConnectionAsync(a.Silo).AsTask());

        Assert.Contains("known dead", outgoing.Message, StringComparison.Ordinal);
        Assert.Equal($"the peer refused this side: silo {b.Silo} is known dead in this cluster", incoming.Reason);
        Assert.Equal(0, a.Manager.ConnectAttempts);
        Assert.Equal(0, a.Manager.ConnectionCount(b.Silo));
    }

    [Fact]
    public async Task Disposing_closes_every_connection_and_refuses_later_calls()
    {
        await using var a = SiloNode.Start();
        await using var b = SiloNode.Start();
        var connection = await a.Manager.GetConnectionAsync(b.Silo);

        await a.Manager.DisposeAsync();

        Assert.True(connection.Closed.IsCompleted);
        await Assert.ThrowsAsync<ObjectDisposedException>(() => a.Manager.GetConnectionAsync(b.Silo).AsTask());
    }
}
