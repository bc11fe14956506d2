using System.Text.Json;
using System.Text.Json.Serialization;

namespace Rayswarm.Cli;

/// <summary>One step of a <see cref="WorkflowDefinition"/>, in the gateway's create form: a step routed by capability
/// carries its capability and strategy (not the domain it happened to run on), an approval step its prompt, timeout and
/// approvers (and no action).</summary>
internal sealed record WorkflowStepDefinition(
    string StepId,
    [property: JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)] string? DomainId,
    [property: JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)] string? Action,
    [property: JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)] JsonElement? Data,
    IReadOnlyList<string> DependsOn,
    [property: JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)] string? Type = null,
    [property: JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)] string? Capability = null,
    [property: JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)] string? Strategy = null,
    [property: JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)] int? TimeoutSeconds = null,
    [property: JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)] string? Prompt = null,
    [property: JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)] string? Timeout = null,
    [property: JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)] IReadOnlyList<string>? Approvers = null)
{
    /// <summary>The step type that waits for a decision (the gateway's <c>"type": "approval"</c>).</summary>
    public const string ApprovalType = "approval";

    /// <summary>The definition of a step read from the <c>steps</c> of <c>GET /domains/workflows/{id}</c>.</summary>
    public static WorkflowStepDefinition From(JsonElement step)
    {
        var approval = step.Text("type") == ApprovalType;
        var capability = Optional(step, "capability");
        return new(
            step.Text("step_id"),
            capability is null ? step.Text("domain_id") : null,
            approval ? null : step.Text("action"),
            step.Child("data") is { ValueKind: JsonValueKind.Object } data ? data : null,
            [.. step.Items("depends_on").Select(JsonText.Plain)],
            Optional(step, "type"),
            capability,
            capability is null ? null : Optional(step, "strategy"),
            step.Child("timeout_seconds") is { ValueKind: JsonValueKind.Number } seconds ? seconds.GetInt32() : null,
            approval ? Optional(step, "prompt") : null,
            approval ? Optional(step, "timeout") : null,
            approval && step.Child("approvers") is { ValueKind: JsonValueKind.Array } approvers ? [.. approvers.EnumerateArray().Select(JsonText.Plain)] : null);
    }

    /// <summary>The step as a create request takes it: an empty domain id (as exports before capability steps were carried
    /// wrote for a step routed by capability) is left out rather than sent.</summary>
    public WorkflowStepDefinition ForCreate() => DomainId is "" ? this with { DomainId = null } : this;

    private static string? Optional(JsonElement step, string property) => step.Text(property) is { Length: > 0 } text ? text : null;
}
