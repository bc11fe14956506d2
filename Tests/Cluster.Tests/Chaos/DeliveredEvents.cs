using System.Collections.Concurrent;
using System.Text.Json;

namespace Rayswarm.Cluster.Tests;

/// <summary>What the endpoint domain received on <c>POST {endpoint}/events</c>: how many times each event id arrived.</summary>
public sealed class DeliveredEvents
{
    private readonly ConcurrentDictionary<string, int> _counts = new(StringComparer.Ordinal);

    public int Count(string eventId) => _counts.GetValueOrDefault(eventId);

    /// <summary>Deliveries beyond the first of each event.</summary>
    public long Duplicates => _counts.Values.Sum(n => (long)n - 1);

    /// <summary>The endpoint domain's handler: records events, answers 200 to everything.</summary>
    public Task<(int Status, string Body)> HandleAsync(string path, JsonElement body)
    {
        if (path == "/events" && body.ValueKind == JsonValueKind.Object && body.TryGetProperty("event_id", out var id) && id.GetString() is { } eventId)
        {
            _counts.AddOrUpdate(eventId, 1, (_, n) => n + 1);
        }
        return Task.FromResult((200, "{}"));
    }
}
