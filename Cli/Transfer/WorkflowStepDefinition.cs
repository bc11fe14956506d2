using System.Text.Json;
using System.Text.Json.Serialization;

namespace Rayswarm.Cli;

/// <summary>One step of a <see cref="WorkflowDefinition"/>, in the gateway's create form.</summary>
internal sealed record WorkflowStepDefinition(
    string StepId,
    string DomainId,
    string Action,
    [property: JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)] JsonElement? Data,
    IReadOnlyList<string> DependsOn);
