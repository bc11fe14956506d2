using System.Text.Json;

namespace Rayswarm.Grains.Interfaces;

/// <summary>One step of a workflow to create.</summary>
/// <param name="DomainId">The domain that runs the step (hosted in the cluster or registered with an endpoint); give this or
/// <paramref name="Capability"/>.</param>
/// <param name="Action">The domain's action to run ("search"); required unless the step is an approval.</param>
/// <param name="Data">The step's own input, passed to the action as <c>input.data</c>; optional.</param>
/// <param name="DependsOn">Steps that must complete first, by id (<c>step_1</c>, … by position, or explicit ids).</param>
/// <param name="StepId">An explicit id for the step; default <c>step_{position}</c> (1-based).</param>
/// <param name="TimeoutSeconds">How long the action may take before the step fails; default 30 seconds.</param>
/// <param name="Capability">Instead of <paramref name="DomainId"/>: a capability; when the step starts, the orchestrator picks a
/// healthy domain offering it (recorded in the step and the audit trail).</param>
/// <param name="Strategy">With <paramref name="Capability"/>: how the domain is picked (<see cref="RoutingStrategies"/>); default
/// <see cref="RoutingStrategies.LeastLoaded"/>.</param>
/// <param name="Type"><c>action</c> (the default) runs <paramref name="Action"/>; <c>approval</c> waits for a person's
/// decision (<see cref="ApprovalSteps"/>): approve continues, reject or no decision within <paramref name="Timeout"/>
/// compensates the completed steps.</param>
/// <param name="Prompt">An approval step's question for the expert (at most <see cref="ApprovalSteps.MaxPromptLength"/> characters).</param>
/// <param name="Timeout">An approval step's time to decide, an ISO 8601 duration (<c>PT1H</c>); default <c>P1D</c>.</param>
/// <param name="Approvers">An approval step's deciders, as roles; default <c>expert:&lt;domain_id&gt;</c>.</param>
[GenerateSerializer, Immutable, Alias("rayswarm.WorkflowStepRequest")]
public sealed record WorkflowStepRequest(
    string? DomainId = null,
    string Action = "",
    JsonElement? Data = null,
    IReadOnlyList<string>? DependsOn = null,
    string? StepId = null,
    int? TimeoutSeconds = null,
    string? Capability = null,
    string? Strategy = null,
    string? Type = null,
    string? Prompt = null,
    string? Timeout = null,
    IReadOnlyList<string>? Approvers = null)
{
    /// <summary>Whether this step waits for a decision rather than running an action.</summary>
    [System.Text.Json.Serialization.JsonIgnore]
    public bool IsApproval => Type == ApprovalSteps.Type;
}
