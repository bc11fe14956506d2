namespace Rayswarm.Grains.Interfaces;

/// <summary>The event-bus streams (namespace <see cref="RegistryEvents.Namespace"/>) workflows publish to, one event per
/// transition, in the order of the workflow's audit, from the source domain <see cref="SourceDomain"/>. Each event's data is a
/// small JSON object with snake_case fields: workflow_id, name, audit_index and at (the audit entry's); step events add
/// step_id, domain_id and action, and step_failed, rolled_back and failed the error. The event id is derived from the
/// workflow id and the audit index, so a transition published again after a crash is stored once.</summary>
public static class WorkflowEvents
{
    /// <summary>The <c>source_domain</c> of every workflow event.</summary>
    public const string SourceDomain = "workflows";

    /// <summary>A workflow began to execute.</summary>
    public const string Started = "workflow.started";

    /// <summary>Every step of a workflow completed.</summary>
    public const string Completed = "workflow.completed";

    /// <summary>A workflow compensated its completed steps after a failure, a rejection or a timeout.</summary>
    public const string RolledBack = "workflow.rolled_back";

    /// <summary>A workflow ended failed: a compensation failed.</summary>
    public const string Failed = "workflow.failed";

    /// <summary>A step's action completed, or an approval step was approved.</summary>
    public const string StepCompleted = "workflow.step_completed";

    /// <summary>A step's action failed, or an approval step was rejected or timed out (the workflow rolls back).</summary>
    public const string StepFailed = "workflow.step_failed";

    /// <summary>The event type of an audit entry's type, or null for transitions that are not published.</summary>
    public static string? Of(string auditType) => auditType switch
    {
        WorkflowAuditTypes.Started => Started,
        WorkflowAuditTypes.Completed => Completed,
        WorkflowAuditTypes.RolledBack => RolledBack,
        WorkflowAuditTypes.Failed => Failed,
        WorkflowAuditTypes.StepCompleted => StepCompleted,
        WorkflowAuditTypes.StepFailed or WorkflowAuditTypes.Rejected or WorkflowAuditTypes.ApprovalTimedOut => StepFailed,
        _ => null,
    };
}
