using System.Text.Json;

namespace Rayswarm.Grains;

/// <summary>How a workflow's step work, which runs outside the grain's turns, reports back: each report is a grain call,
/// so it reaches whichever activation the workflow has now. Reports for steps no longer running are ignored.</summary>
internal interface IWorkflowRunGrain : IGrainWithStringKey
{
    /// <summary>A step's action returned <paramref name="output"/>, or failed with <paramref name="error"/>;
    /// <paramref name="outcomeUnknown"/> when it failed on infrastructure failures past the retry window (it may have had its effect).</summary>
    Task StepFinished(string stepId, JsonElement output, string? error, bool outcomeUnknown);

    /// <summary>A step's compensation succeeded, or failed for a domain reason with <paramref name="error"/> (every attempt).</summary>
    Task CompensationFinished(string stepId, string? error);

    /// <summary>A step's compensation met only infrastructure failures for the whole retry window (<paramref name="reason"/>):
    /// it stays compensating and runs again when the workflow resumes (reminder tick or next activation).</summary>
    Task CompensationDeferred(string stepId, string reason);
}
