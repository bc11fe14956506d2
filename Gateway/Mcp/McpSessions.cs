using System.Collections.Concurrent;
using System.Runtime.CompilerServices;

namespace Rayswarm.Gateway;

/// <summary>The 2025-11-25 sessions the package is running, as <see cref="McpSessionGuard"/> needs them: which ids are
/// alive and how many GET streams each has open. Filled from the package's session hook
/// (<see cref="ModelContextProtocol.AspNetCore.HttpServerTransportOptions.RunSessionHandler"/>), so a session is known
/// from its initialize until the package ends it (DELETE, idle timeout, shutdown).</summary>
internal sealed class McpSessions
{
    private readonly ConcurrentDictionary<string, StrongBox<int>> _getStreams = new(StringComparer.Ordinal);

    public bool IsAlive(string id) => _getStreams.ContainsKey(id);

    /// <summary>Runs a session for the package, known here while it runs.</summary>
    public async Task RunAsync(string? id, Func<Task> run)
    {
        if (string.IsNullOrEmpty(id))
        {
            await run(); // a 2026-07-28 request: no session
            return;
        }
        _getStreams[id] = new StrongBox<int>();
        try
        {
            await run();
        }
        finally
        {
            _getStreams.TryRemove(id, out _);
        }
    }

    /// <summary>Counts a GET stream of the session; false when it has one open already.</summary>
    public bool TryOpenGetStream(string id) =>
        _getStreams.TryGetValue(id, out var streams) && Interlocked.CompareExchange(ref streams.Value, 1, 0) == 0;

    public void CloseGetStream(string id)
    {
        if (_getStreams.TryGetValue(id, out var streams)) { Interlocked.Exchange(ref streams.Value, 0); }
    }
}
