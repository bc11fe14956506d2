namespace Rayswarm.Grains.Interfaces;

/// <summary>The values of <see cref="WorkflowInfo.Status"/>.</summary>
public static class WorkflowStatus
{
    /// <summary>Created, not executed yet.</summary>
    public const string Created = "created";

    /// <summary>Executing its steps.</summary>
    public const string Running = "running";

    /// <summary>Every step completed.</summary>
    public const string Completed = "completed";

    /// <summary>A step failed; running steps are awaited, then completed steps are compensated.</summary>
    public const string RollingBack = "rolling_back";

    /// <summary>A step failed and every completed step was compensated.</summary>
    public const string RolledBack = "rolled_back";

    /// <summary>A step failed and at least one compensation failed too (<see cref="WorkflowInfo.Error"/> names it).</summary>
    public const string Failed = "failed";

    /// <summary>Every status, in lifecycle order.</summary>
    public static readonly IReadOnlyList<string> All = [Created, Running, Completed, RollingBack, RolledBack, Failed];

    /// <summary>Whether the workflow will not change any more.</summary>
    public static bool IsTerminal(string status) => status is Completed or RolledBack or Failed;

    /// <summary>Whether the workflow is executing (steps or compensations).</summary>
    public static bool IsActive(string status) => status is Running or RollingBack;
}
