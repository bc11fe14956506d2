namespace Rayswarm.Grains.Interfaces;

/// <summary>An agent's status (<see cref="AgentInfo.Status"/>).</summary>
public static class AgentStatuses
{
    /// <summary>Registered, with no call in flight.</summary>
    public const string Idle = "idle";

    /// <summary>Registered, running at least one call.</summary>
    public const string Busy = "busy";

    /// <summary>Terminated: removed from the registry, so no step is routed to it.</summary>
    public const string Terminated = "terminated";

    /// <summary>Whether <paramref name="status"/> is one of the statuses.</summary>
    public static bool IsKnown(string? status) => status is Idle or Busy or Terminated;
}
