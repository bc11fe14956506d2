using System.Text.Json;

namespace Rayswarm.Grains;

/// <summary>How a workflow's step work, which runs outside the grain's turns, reports back: each report is a grain call,
/// so it reaches whichever activation the workflow has now. Reports for steps no longer running are ignored.</summary>
internal interface IWorkflowRunGrain : IGrainWithStringKey
{
    /// <summary>A step's action returned <paramref name="output"/>, or failed with <paramref name="error"/>.</summary>
    Task StepFinished(string stepId, JsonElement output, string? error);

    /// <summary>A step's compensation succeeded, or failed with <paramref name="error"/>.</summary>
    Task CompensationFinished(string stepId, string? error);
}
