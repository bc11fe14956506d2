using ModelContextProtocol.Server;

namespace Rayswarm.Gateway;

/// <summary>One stateful (2025-11-25) MCP session: its transport, its server and the task running it.</summary>
internal sealed class McpSession(string id, StreamableHttpServerTransport transport, McpServer server, TimeProvider time) : IAsyncDisposable
{
    private readonly TimeProvider _time = time;
    private readonly CancellationTokenSource _ended = new();
    private int _getStreams;
    private int _activeRequests;
    private long _lastActivity = time.GetTimestamp();

    public string Id { get; } = id;
    public StreamableHttpServerTransport Transport { get; } = transport;
    public McpServer Server { get; } = server;
    public Task Running { get; private set; } = Task.CompletedTask;

    /// <summary>Cancelled when the session ends (DELETE, idle, shutdown): ends its GET stream.</summary>
    public CancellationToken Ended => _ended.Token;

    public void Start() => Running = Server.RunAsync(_ended.Token);

    /// <summary>Marks a request as running until the returned scope is disposed (an active session is never idle).</summary>
    public IDisposable Use()
    {
        Interlocked.Increment(ref _activeRequests);
        Interlocked.Exchange(ref _lastActivity, _time.GetTimestamp());
        return new Scope(this);
    }

    public bool TryStartGetStream() => Interlocked.CompareExchange(ref _getStreams, 1, 0) == 0;

    public void EndGetStream() => Interlocked.Exchange(ref _getStreams, 0);

    public bool IsIdle(TimeSpan timeout) =>
        Volatile.Read(ref _activeRequests) == 0 && _time.GetElapsedTime(Interlocked.Read(ref _lastActivity)) > timeout;

    public async ValueTask DisposeAsync()
    {
        await _ended.CancelAsync();
        await Transport.DisposeAsync();
        try { await Running; } catch (OperationCanceledException) { }
        await Server.DisposeAsync();
        _ended.Dispose();
    }

    private sealed class Scope(McpSession session) : IDisposable
    {
        private int _disposed;

        public void Dispose()
        {
            if (Interlocked.Exchange(ref _disposed, 1) == 0)
            {
                Interlocked.Exchange(ref session._lastActivity, session._time.GetTimestamp());
                Interlocked.Decrement(ref session._activeRequests);
            }
        }
    }
}
