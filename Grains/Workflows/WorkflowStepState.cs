using System.Text.Json;
using System.Xml;
using Rayswarm.Grains.Interfaces;

namespace Rayswarm.Grains;

/// <summary>One step's definition and progress.</summary>
public sealed class WorkflowStepState
{
    public string StepId { get; set; } = "";

    /// <summary>The domain that runs the step; for a step routed by <see cref="Capability"/>, empty until it is routed.</summary>
    public string DomainId { get; set; } = "";

    /// <summary>The capability the step is routed by, or null when it names its domain.</summary>
    public string? Capability { get; set; }

    /// <summary>The routing strategy (<see cref="RoutingStrategies"/>) of a step routed by capability.</summary>
    public string? Strategy { get; set; }

    public string Action { get; set; } = "";

    public JsonElement? Data { get; set; }

    public List<string> DependsOn { get; set; } = [];

    public int? TimeoutSeconds { get; set; }

    public string Status { get; set; } = WorkflowStepStatus.Pending;

    public JsonElement? Output { get; set; }

    public string? Error { get; set; }

    public DateTimeOffset? StartedAt { get; set; }

    public DateTimeOffset? CompletedAt { get; set; }

    /// <summary>Set when the action failed on infrastructure failures past the retry window: it may have had its effect,
    /// so the step is compensated (with a null output) like a completed one.</summary>
    public bool OutcomeUnknown { get; set; }

    /// <summary>1 for the first step to complete, 2 for the next…; compensation runs in reverse of this.</summary>
    public int? CompletionOrder { get; set; }

    /// <summary><see cref="ApprovalSteps.Type"/> for an approval step; null for an action.</summary>
    public string? Type { get; set; }

    /// <summary>An approval step's question.</summary>
    public string? Prompt { get; set; }

    /// <summary>An approval step's time to decide, in seconds.</summary>
    public double? ApprovalTimeoutSeconds { get; set; }

    /// <summary>An approval step's deciders (roles).</summary>
    public List<string>? Approvers { get; set; }

    /// <summary>An approval step's review, once it waits.</summary>
    public string? ReviewId { get; set; }

    /// <summary>When an approval step times out.</summary>
    public DateTimeOffset? DeadlineAt { get; set; }

    /// <summary>An approval step's decision as recorded (its hash is in the audit).</summary>
    public JsonElement? Decision { get; set; }

    public WorkflowStepInfo ToInfo() =>
        new(StepId, DomainId, Action, [.. DependsOn], Data, Status, Output, Error, StartedAt, CompletedAt, Capability, Strategy,
            Type ?? ApprovalSteps.ActionType, ReviewId, DeadlineAt, Approvers, Prompt,
            ApprovalTimeoutSeconds is { } timeout ? XmlConvert.ToString(TimeSpan.FromSeconds(timeout)) : null, TimeoutSeconds);
}
