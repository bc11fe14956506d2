using System.Text.Json.Nodes;

namespace Rayswarm.Grains.Providers.Tests.Streaming;

/// <summary>Stored events are equal when every field is, the payload compared as parsed JSON (jsonb normalizes the text).</summary>
internal sealed class StoredComparer : IEqualityComparer<StoredStreamEvent>
{
    public static StoredComparer Instance { get; } = new();

    public bool Equals(StoredStreamEvent? x, StoredStreamEvent? y) =>
        x is not null && y is not null
        && x.Position == y.Position && x.Partition == y.Partition
        && x.Event.Stream == y.Event.Stream && x.Event.Sequence == y.Event.Sequence && x.Event.EventId == y.Event.EventId
        && x.Event.PublishedAt == y.Event.PublishedAt
        && JsonNode.DeepEquals(JsonNode.Parse(x.Event.Data), JsonNode.Parse(y.Event.Data));

    public int GetHashCode(StoredStreamEvent obj) => obj.Position.GetHashCode();
}
