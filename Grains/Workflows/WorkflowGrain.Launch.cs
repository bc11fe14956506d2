using System.Text.Json;
using Microsoft.Extensions.Logging;

namespace Rayswarm.Grains;

/// <summary>Launching step work outside the grain's turns and reporting its outcome back as grain calls.</summary>
public sealed partial class WorkflowGrain
{
    private static readonly JsonElement s_null = JsonSerializer.SerializeToElement<object?>(null);
    private static readonly TimeSpan[] s_reportRetryDelays = [TimeSpan.FromMilliseconds(200), TimeSpan.FromSeconds(1), TimeSpan.FromSeconds(5), TimeSpan.FromSeconds(15)];

    /// <summary>A step's input: <c>{"data": its data, "dependencies": {"step_1": output, …}, "workflow_id": id, "step_id": id}</c>.</summary>
    private JsonElement InputOf(WorkflowStepState step)
    {
        var dependencies = step.DependsOn.ToDictionary(d => d, d => S.Steps.Find(s => s.StepId == d)?.Output, StringComparer.Ordinal);
        return JsonSerializer.SerializeToElement(new { data = step.Data, dependencies, workflow_id = WorkflowId, step_id = step.StepId });
    }

    private TimeSpan TimeoutOf(WorkflowStepState step) =>
        step.TimeoutSeconds is { } seconds ? TimeSpan.FromSeconds(seconds) : _options.DefaultStepTimeout;

    private void LaunchAction(WorkflowStepState step)
    {
        var (domainId, action, stepId, workflowId) = (step.DomainId, step.Action, step.StepId, WorkflowId);
        var input = InputOf(step);
        var timeout = TimeoutOf(step);
        _inFlight[stepId] = _time.GetUtcNow() + timeout + s_lostAfter;
        var self = GrainFactory.GetGrain<IWorkflowRunGrain>(this.GetGrainId());
        _ = Task.Run(async () =>
        {
            JsonElement output = s_null;
            string? error = null;
            try
            {
                output = await runner.ExecuteAsync(domainId, action, workflowId, stepId, input, timeout);
            }
            catch (Exception e)
            {
                error = e.Message;
            }
            await ReportAsync(workflowId, stepId, () => self.StepFinished(stepId, output, error));
        });
    }

    private void LaunchCompensation(WorkflowStepState step)
    {
        var (domainId, action, stepId, workflowId) = (step.DomainId, step.Action, step.StepId, WorkflowId);
        var (input, output) = (InputOf(step), step.Output ?? s_null);
        var timeout = TimeoutOf(step);
        var (attempts, delay) = (_options.CompensationAttempts, _options.CompensationRetryDelay);
        _inFlight[stepId] = _time.GetUtcNow() + (timeout + delay) * attempts + s_lostAfter;
        var self = GrainFactory.GetGrain<IWorkflowRunGrain>(this.GetGrainId());
        _ = Task.Run(async () =>
        {
            string? error = null;
            for (var attempt = 1; attempt <= attempts; attempt++)
            {
                try
                {
                    await runner.CompensateAsync(domainId, action, workflowId, stepId, input, output, timeout);
                    error = null;
                    break;
                }
                catch (Exception e)
                {
                    error = attempts == 1 ? e.Message : $"{e.Message} (attempt {attempt} of {attempts})";
                    if (attempt < attempts) { await Task.Delay(delay, _time); }
                }
            }
            await ReportAsync(workflowId, stepId, () => self.CompensationFinished(stepId, error));
        });
    }

    /// <summary>Delivers a report, retrying while the workflow's activation is unreachable (moving, reloading). If every
    /// try fails, the reminder finds the step without a report and runs it again.</summary>
    private async Task ReportAsync(string workflowId, string stepId, Func<Task> report)
    {
        for (var attempt = 0; ; attempt++)
        {
            try
            {
                await report();
                return;
            }
            catch (Exception e) when (attempt < s_reportRetryDelays.Length)
            {
                _logger.LogDebug(e, "Workflow {WorkflowId}: report of {StepId} failed; retrying", workflowId, stepId);
                await Task.Delay(s_reportRetryDelays[attempt], _time);
            }
            catch (Exception e)
            {
                _logger.LogWarning(e, "Workflow {WorkflowId}: report of {StepId} was lost; the step runs again when the workflow resumes", workflowId, stepId);
                return;
            }
        }
    }
}
