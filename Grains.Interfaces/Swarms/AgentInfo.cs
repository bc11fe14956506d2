using System.Text.Json;

namespace Rayswarm.Grains.Interfaces;

/// <summary>An agent as it stands.</summary>
/// <param name="AgentId">Its id, <c>{swarm}.agent-{n}</c>: also its domain id in the registry.</param>
/// <param name="Swarm">Its swarm.</param>
/// <param name="Type">The type it was spawned as.</param>
/// <param name="Domain">The domain whose actions it serves.</param>
/// <param name="Capabilities">What it is registered with: its own capabilities and its domain's action names.</param>
/// <param name="Params">Its parameters (a JSON object).</param>
/// <param name="Status"><see cref="AgentStatuses"/>: idle, busy (calls in flight) or terminated.</param>
/// <param name="Load">Its calls in flight.</param>
/// <param name="Calls">The calls it has answered since it was spawned (counted by its current activation and the last saved count).</param>
/// <param name="SpawnedAt">When it was spawned.</param>
/// <param name="LastActivityAt">When it last started or finished a call (its spawn until then).</param>
/// <param name="Received">How many results of other agents it received on the bus (mesh swarms).</param>
/// <param name="ReceivedFrom">The agents whose results it received, sorted.</param>
[GenerateSerializer, Immutable, Alias("rayswarm.AgentInfo")]
public sealed record AgentInfo(
    string AgentId,
    string Swarm,
    string Type,
    string Domain,
    IReadOnlyList<string> Capabilities,
    JsonElement? Params,
    string Status,
    int Load,
    long Calls,
    DateTimeOffset SpawnedAt,
    DateTimeOffset LastActivityAt,
    long Received,
    IReadOnlyList<string> ReceivedFrom);
