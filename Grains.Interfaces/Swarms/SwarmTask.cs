namespace Rayswarm.Grains.Interfaces;

/// <summary>What to orchestrate: text, or subtasks. With <paramref name="Subtasks"/> each becomes one worker step; with only
/// <paramref name="Text"/> every live worker agent whose domain has a text action (<see cref="AgentTypes.TextActions"/>)
/// gets one step running it on the text.</summary>
/// <param name="Text">The task as text (at most 10,000 characters).</param>
/// <param name="Subtasks">1-<see cref="CreateWorkflowRequest.MaxSteps"/> subtasks.</param>
[GenerateSerializer, Immutable, Alias("rayswarm.SwarmTask")]
public sealed record SwarmTask(string? Text = null, IReadOnlyList<SwarmSubtask>? Subtasks = null)
{
    /// <summary>The longest text accepted.</summary>
    public const int MaxTextLength = 10_000;

    /// <summary>The most subtasks accepted (room is left for coordinator steps).</summary>
    public const int MaxSubtasks = 60;

    /// <summary>Throws <see cref="ArgumentException"/> naming the first invalid field (task).</summary>
    public void Validate()
    {
        if (Subtasks is null or { Count: 0 } && string.IsNullOrWhiteSpace(Text))
        {
            throw new ArgumentException("task needs text or at least one subtask.", "task");
        }
        if (Text is { Length: > MaxTextLength })
        {
            throw new ArgumentException($"task.text must be at most {MaxTextLength} characters (was {Text.Length}).", "task");
        }
        if (Subtasks is { Count: > MaxSubtasks })
        {
            throw new ArgumentException($"task.subtasks may list at most {MaxSubtasks} (was {Subtasks.Count}).", "task");
        }
        for (var i = 0; i < (Subtasks?.Count ?? 0); i++)
        {
            var subtask = Subtasks![i] ?? throw new ArgumentException($"task.subtasks[{i}] must be an object.", "task");
            if (string.IsNullOrWhiteSpace(subtask.Action)) { throw new ArgumentException($"task.subtasks[{i}].action is required.", "task"); }
            if (subtask.Capability is { Length: 0 or > SpawnAgentRequest.MaxCapabilityLength })
            {
                throw new ArgumentException($"task.subtasks[{i}].capability must be 1-{SpawnAgentRequest.MaxCapabilityLength} characters.", "task");
            }
            foreach (var dependency in subtask.DependsOn ?? [])
            {
                if (dependency < 0 || dependency >= i)
                {
                    throw new ArgumentException($"task.subtasks[{i}].depends_on: {dependency} is not the index of an earlier subtask.", "task");
                }
            }
        }
    }

    /// <summary>Whether a subtask declares a dependency on another.</summary>
    public bool HasDependencies => Subtasks?.Any(s => s.DependsOn is { Count: > 0 }) == true;
}
