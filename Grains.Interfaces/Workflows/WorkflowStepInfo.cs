using System.Text.Json;

namespace Rayswarm.Grains.Interfaces;

/// <summary>One step of a workflow as it stands.</summary>
/// <param name="StepId">The step's id.</param>
/// <param name="DomainId">The domain that runs it; for a step routed by capability, the domain picked when it started (empty
/// until then).</param>
/// <param name="Action">The domain's action.</param>
/// <param name="DependsOn">The steps it waits for.</param>
/// <param name="Data">Its own input.</param>
/// <param name="Status">Its status (<see cref="WorkflowStepStatus"/>).</param>
/// <param name="Output">The action's output once completed.</param>
/// <param name="Error">Why the action or its compensation failed.</param>
/// <param name="StartedAt">When the action (last) started.</param>
/// <param name="CompletedAt">When the action completed or failed.</param>
/// <param name="Capability">The capability the step was routed by; null for a step that names its domain.</param>
/// <param name="Strategy">The routing strategy of a step routed by capability.</param>
/// <param name="Type"><c>action</c>, or <c>approval</c> for a step that waits for a decision.</param>
/// <param name="ReviewId">An approval step's review ("apr_…", <c>/domains/reviews/{id}</c>) once it waits.</param>
/// <param name="DeadlineAt">When an approval step times out.</param>
/// <param name="Approvers">An approval step's deciders (roles).</param>
/// <param name="Prompt">An approval step's question for the expert.</param>
/// <param name="Timeout">An approval step's time to decide, an ISO 8601 duration (<c>PT1H</c>).</param>
/// <param name="TimeoutSeconds">How long the action may take, as the step was defined; null for the default.</param>
[GenerateSerializer, Immutable, Alias("rayswarm.WorkflowStepInfo")]
public sealed record WorkflowStepInfo(
    string StepId,
    string DomainId,
    string Action,
    IReadOnlyList<string> DependsOn,
    JsonElement? Data,
    string Status,
    JsonElement? Output,
    string? Error,
    DateTimeOffset? StartedAt,
    DateTimeOffset? CompletedAt,
    string? Capability = null,
    string? Strategy = null,
    string Type = ApprovalSteps.ActionType,
    string? ReviewId = null,
    DateTimeOffset? DeadlineAt = null,
    IReadOnlyList<string>? Approvers = null,
    string? Prompt = null,
    string? Timeout = null,
    int? TimeoutSeconds = null);
