namespace Rayswarm.Grains.Providers;

/// <summary>A stream a router has received events of: the newest it saw, and the lanes of the subscriptions matching it.</summary>
internal sealed class RoutedStream(StreamId id)
{
    public StreamId Id { get; } = id;

    /// <summary>The highest sequence received.</summary>
    public long LastSequence { get; set; }

    public Dictionary<string, StreamLane> Lanes { get; } = new(StringComparer.Ordinal);

    public StreamLane Lane(string subscription)
    {
        if (!Lanes.TryGetValue(subscription, out var lane)) { Lanes[subscription] = lane = new StreamLane(); }
        return lane;
    }

    /// <summary>Forgets lanes of subscriptions that no longer match (removed).</summary>
    public void Retain(IReadOnlyList<RoutedSubscription> matching)
    {
        if (Lanes.Count <= matching.Count) { return; }
        var keep = matching.Select(s => s.Id).ToHashSet(StringComparer.Ordinal);
        foreach (var id in Lanes.Keys.Where(id => !keep.Contains(id)).ToList()) { Lanes.Remove(id); }
    }
}
