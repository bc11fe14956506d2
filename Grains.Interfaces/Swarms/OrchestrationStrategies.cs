namespace Rayswarm.Grains.Interfaces;

/// <summary>How the worker steps of an orchestrated task run relative to each other (within the topology's shape).</summary>
public static class OrchestrationStrategies
{
    /// <summary>All worker steps at once; subtasks may not depend on each other.</summary>
    public const string Parallel = "parallel";

    /// <summary>Each worker step after the one before it, in subtask order.</summary>
    public const string Sequential = "sequential";

    /// <summary>Parallel when no subtask declares <c>depends_on</c>, else sequential.</summary>
    public const string Adaptive = "adaptive";

    /// <summary>Every strategy, the default first.</summary>
    public static readonly IReadOnlyList<string> All = [Adaptive, Parallel, Sequential];

    /// <summary>Whether <paramref name="strategy"/> is one of <see cref="All"/>.</summary>
    public static bool IsKnown(string? strategy) => strategy is Parallel or Sequential or Adaptive;
}
