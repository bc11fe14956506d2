using System.Text.Json;

namespace Rayswarm.Grains.Interfaces;

/// <summary>One subtask of a <see cref="SwarmTask"/>.</summary>
/// <param name="Action">The domain action to run (<c>search</c>, <c>analyze</c>, …).</param>
/// <param name="Capability">Run it on the least-loaded live agent of the swarm with this capability; default: the agents in turn.</param>
/// <param name="Data">The action's input (<c>input.data</c>).</param>
/// <param name="DependsOn">Indexes (0-based) of earlier subtasks that must finish first; honoured by the sequential and adaptive strategies.</param>
[GenerateSerializer, Immutable, Alias("rayswarm.SwarmSubtask")]
public sealed record SwarmSubtask(string Action, string? Capability = null, JsonElement? Data = null, IReadOnlyList<int>? DependsOn = null);
