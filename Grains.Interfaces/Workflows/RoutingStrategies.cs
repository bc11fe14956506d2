namespace Rayswarm.Grains.Interfaces;

/// <summary>How a step that names a <see cref="WorkflowStepRequest.Capability"/> picks one of the healthy domains offering
/// it (<see cref="WorkflowStepRequest.Strategy"/>).</summary>
public static class RoutingStrategies
{
    /// <summary>The default: power of two choices over the calls in flight (two candidates drawn at random, the one with
    /// fewer calls in flight wins), the idea of Ray Serve's router.</summary>
    public const string LeastLoaded = "least_loaded";

    /// <summary>The candidates in turn, by domain id.</summary>
    public const string RoundRobin = "round_robin";

    /// <summary>A candidate drawn uniformly at random.</summary>
    public const string Random = "random";

    /// <summary>Every strategy, the default first.</summary>
    public static readonly IReadOnlyList<string> All = [LeastLoaded, RoundRobin, Random];

    /// <summary>Whether <paramref name="strategy"/> is one of <see cref="All"/>.</summary>
    public static bool IsKnown(string? strategy) => strategy is LeastLoaded or RoundRobin or Random;
}
