using System.Text.Json;

namespace Rayswarm.Cli;

/// <summary>A workflow as it was defined (the body of <c>POST /domains/workflows/create</c>), with the id it had where it was
/// exported from.</summary>
internal sealed record WorkflowDefinition(string? WorkflowId, string Name, IReadOnlyList<WorkflowStepDefinition> Steps)
{
    /// <summary>The definition of a workflow read from <c>GET /domains/workflows/{id}</c>.</summary>
    public static WorkflowDefinition From(JsonElement workflow) => new(
        workflow.Text("workflow_id"),
        workflow.Text("name"),
        [.. workflow.Items("steps").Select(WorkflowStepDefinition.From)]);

    /// <summary>The body that creates it again (without the old id).</summary>
    public object ToCreateRequest() => new { Name, Steps = Steps.Select(s => s.ForCreate()).ToList() };
}
