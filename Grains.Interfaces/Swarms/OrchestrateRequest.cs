namespace Rayswarm.Grains.Interfaces;

/// <summary>Orchestrates a task over a swarm (the body of <c>POST /domains/swarms/{name}/orchestrate</c>).</summary>
/// <param name="Task">What to do.</param>
/// <param name="Strategy">parallel, sequential or adaptive (<see cref="OrchestrationStrategies"/>); default the swarm's.</param>
[GenerateSerializer, Immutable, Alias("rayswarm.OrchestrateRequest")]
public sealed record OrchestrateRequest(SwarmTask Task, string? Strategy = null)
{
    /// <summary>Throws <see cref="ArgumentException"/> naming the first invalid field (task, strategy).</summary>
    public void Validate()
    {
        if (Task is null) { throw new ArgumentException("task is required: text or subtasks.", "task"); }
        Task.Validate();
        if (Strategy is not null && !OrchestrationStrategies.IsKnown(Strategy))
        {
            throw new ArgumentException($"strategy must be one of {string.Join(", ", OrchestrationStrategies.All)} (was '{Strategy}').", "strategy");
        }
        if (Strategy == OrchestrationStrategies.Parallel && Task.HasDependencies)
        {
            throw new ArgumentException("strategy parallel runs every subtask at once: drop depends_on, or use sequential or adaptive.", "strategy");
        }
    }
}
