namespace Rayswarm.Grains.Interfaces;

/// <summary>The values of <see cref="WorkflowAuditEntry.Type"/>: one per transition of a workflow or a step.</summary>
public static class WorkflowAuditTypes
{
    /// <summary>The workflow was created; <c>data_hash</c> is the hash of its definition.</summary>
    public const string Created = "created";

    /// <summary>Execution began.</summary>
    public const string Started = "started";

    /// <summary>A step's action was started (again, after a resume).</summary>
    public const string StepStarted = "step_started";

    /// <summary>A step routed by capability was given its domain; <c>detail</c> names the capability, the strategy, the
    /// domain picked and the candidates.</summary>
    public const string StepRouted = "step_routed";

    /// <summary>A step's action returned; <c>data_hash</c> is the hash of its output.</summary>
    public const string StepCompleted = "step_completed";

    /// <summary>A step's action failed; <c>detail</c> says why.</summary>
    public const string StepFailed = "step_failed";

    /// <summary>A step's compensation was started.</summary>
    public const string CompensationStarted = "compensation_started";

    /// <summary>A step's compensation succeeded.</summary>
    public const string Compensated = "compensated";

    /// <summary>A step's compensation failed; <c>detail</c> says why.</summary>
    public const string CompensationFailed = "compensation_failed";

    /// <summary>Every step completed.</summary>
    public const string Completed = "completed";

    /// <summary>Every completed step was compensated after a failure.</summary>
    public const string RolledBack = "rolled_back";

    /// <summary>A compensation failed.</summary>
    public const string Failed = "failed";

    /// <summary>An approval step began to wait for a decision; <c>detail</c> names its approvers and timeout.</summary>
    public const string ApprovalRequested = "approval_requested";

    /// <summary>An approval step was approved; <c>actor</c> is the approver, <c>detail</c> the comment, <c>data_hash</c> the
    /// hash of the decision (the step's output).</summary>
    public const string Approved = "approved";

    /// <summary>An approval step was rejected (the workflow compensates); <c>actor</c>, <c>detail</c> and <c>data_hash</c> as for approved.</summary>
    public const string Rejected = "rejected";

    /// <summary>Nobody decided an approval step within its timeout (the workflow compensates); <c>data_hash</c> as for approved.</summary>
    public const string ApprovalTimedOut = "approval_timed_out";
}
