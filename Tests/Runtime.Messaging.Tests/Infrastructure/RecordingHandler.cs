using System.Collections.Concurrent;
using System.Threading.Channels;
using Rayswarm.Runtime.Core;

namespace Rayswarm.Runtime.Messaging.Tests;

/// <summary>Records what arrives; optionally answers (for example echoes) inline, as a real handler would queue work.</summary>
internal sealed class RecordingHandler : IConnectionHandler
{
    private readonly Channel<Message> _messages = Channel.CreateUnbounded<Message>();
    private int _received;

    public Action<Connection, Message>? Reply { get; set; }

    public int ReceivedCount => Volatile.Read(ref _received);

    public ConcurrentDictionary<Connection, int> CloseCounts { get; } = new();

    public ConcurrentDictionary<Connection, Exception?> CloseReasons { get; } = new();

    public ConcurrentQueue<(Message Message, Exception Error)> SendFailures { get; } = new();

    public void OnMessage(Connection connection, Message message)
    {
        Interlocked.Increment(ref _received);
        _messages.Writer.TryWrite(message);
        Reply?.Invoke(connection, message);
    }

    public void OnClosed(Connection connection, Exception? reason)
    {
        CloseCounts.AddOrUpdate(connection, 1, (_, n) => n + 1);
        CloseReasons[connection] = reason;
    }

    public void OnSendFailed(Connection connection, Message message, Exception error) => SendFailures.Enqueue((message, error));

    /// <summary>The next message received, failing after the deadline.</summary>
    public async Task<Message> NextAsync(int timeoutMs = 10_000) => await _messages.Reader.ReadAsync().AsTask().Within(timeoutMs);

    /// <summary>Takes every message received so far.</summary>
    public List<Message> Drain()
    {
        var all = new List<Message>();
        while (_messages.Reader.TryRead(out var message)) { all.Add(message); }
        return all;
    }
}
