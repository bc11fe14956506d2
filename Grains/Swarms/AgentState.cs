using System.Text.Json;

namespace Rayswarm.Grains;

/// <summary>The durable record of one agent; <see cref="Swarm"/> is null until it is started.</summary>
public sealed class AgentState
{
    public string? Swarm { get; set; }

    public string Topology { get; set; } = "";

    public string Type { get; set; } = "";

    public string Domain { get; set; } = "";

    public List<string> Capabilities { get; set; } = [];

    public JsonElement? Params { get; set; }

    public DateTimeOffset SpawnedAt { get; set; }

    public DateTimeOffset LastActivityAt { get; set; }

    public long Calls { get; set; }

    public bool Terminated { get; set; }

    public string? SubscriptionId { get; set; }

    public long Received { get; set; }

    public SortedSet<string> ReceivedFrom { get; set; } = new(StringComparer.Ordinal);
}
