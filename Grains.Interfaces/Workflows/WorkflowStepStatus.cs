namespace Rayswarm.Grains.Interfaces;

/// <summary>The values of <see cref="WorkflowStepInfo.Status"/>.</summary>
public static class WorkflowStepStatus
{
    /// <summary>Waiting for its dependencies or for the workflow to execute.</summary>
    public const string Pending = "pending";

    /// <summary>An approval step waits for a person's decision (<see cref="ApprovalSteps"/>).</summary>
    public const string Waiting = "waiting";

    /// <summary>Its action is running.</summary>
    public const string Running = "running";

    /// <summary>Its action returned an output.</summary>
    public const string Completed = "completed";

    /// <summary>Its action failed or timed out.</summary>
    public const string Failed = "failed";

    /// <summary>Its compensation is running.</summary>
    public const string Compensating = "compensating";

    /// <summary>Its compensation succeeded.</summary>
    public const string Compensated = "compensated";

    /// <summary>Its compensation failed.</summary>
    public const string CompensationFailed = "compensation_failed";

    /// <summary>It never ran because the workflow failed first.</summary>
    public const string Skipped = "skipped";
}
