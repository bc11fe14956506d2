using System.Collections.Concurrent;
using System.Security.Cryptography;
using Microsoft.AspNetCore.WebUtilities;

namespace Rayswarm.Gateway;

/// <summary>The open stateful sessions of this gateway. Sessions idle longer than <see cref="McpOptions.SessionIdleTimeout"/>
/// are ended by <see cref="McpSessionSweeper"/>; all end when the gateway stops.</summary>
internal sealed class McpSessions : IAsyncDisposable
{
    private readonly ConcurrentDictionary<string, McpSession> _sessions = new(StringComparer.Ordinal);

    public int Count => _sessions.Count;

    public static string NewId() => WebEncoders.Base64UrlEncode(RandomNumberGenerator.GetBytes(24));

    public void Add(McpSession session)
    {
        if (!_sessions.TryAdd(session.Id, session)) { throw new InvalidOperationException("Session id collision."); }
    }

    public McpSession? Find(string id) => _sessions.GetValueOrDefault(id);

    public async Task<bool> EndAsync(string id)
    {
        if (!_sessions.TryRemove(id, out var session)) { return false; }
        await session.DisposeAsync();
        return true;
    }

    public async Task EndIdleAsync(TimeSpan timeout)
    {
        foreach (var session in _sessions.Values.Where(s => s.IsIdle(timeout)).ToList())
        {
            await EndAsync(session.Id);
        }
    }

    public async ValueTask DisposeAsync()
    {
        foreach (var id in _sessions.Keys.ToList()) { await EndAsync(id); }
    }
}
