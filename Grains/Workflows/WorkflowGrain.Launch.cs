using System.Text.Json;
using Microsoft.Extensions.Logging;
using Rayswarm.Grains.Interfaces;

namespace Rayswarm.Grains;

/// <summary>Launching step work outside the grain's turns, retrying its infrastructure failures, and reporting its outcome
/// back as grain calls.</summary>
public sealed partial class WorkflowGrain
{
    private static readonly JsonElement s_null = JsonSerializer.SerializeToElement<object?>(null);
    private static readonly TimeSpan[] s_reportRetryDelays = [TimeSpan.FromMilliseconds(200), TimeSpan.FromSeconds(1), TimeSpan.FromSeconds(5), TimeSpan.FromSeconds(15)];

    /// <summary>An action's input: <c>{"data": its data, "dependencies": {"step_1": output, …}, "workflow_id", "step_id",
    /// "idempotency_key"}</c>.</summary>
    private JsonElement InputOf(WorkflowStepState step) =>
        JsonSerializer.SerializeToElement(new
        {
            data = step.Data, dependencies = DependenciesOf(step), workflow_id = WorkflowId, step_id = step.StepId,
            idempotency_key = IdempotencyKeys.Action(WorkflowId, step.StepId),
        });

    /// <summary>A compensation's input: the action's, with its own <c>idempotency_key</c> and the action's as
    /// <c>action_idempotency_key</c> (to find what the action did when its output is unknown).</summary>
    private JsonElement CompensationInputOf(WorkflowStepState step) =>
        JsonSerializer.SerializeToElement(new
        {
            data = step.Data, dependencies = DependenciesOf(step), workflow_id = WorkflowId, step_id = step.StepId,
            idempotency_key = IdempotencyKeys.Compensation(WorkflowId, step.StepId),
            action_idempotency_key = IdempotencyKeys.Action(WorkflowId, step.StepId),
        });

    private Dictionary<string, JsonElement?> DependenciesOf(WorkflowStepState step) =>
        step.DependsOn.ToDictionary(d => d, d => S.Steps.Find(s => s.StepId == d)?.Output, StringComparer.Ordinal);

    private TimeSpan TimeoutOf(WorkflowStepState step) =>
        step.TimeoutSeconds is { } seconds ? TimeSpan.FromSeconds(seconds) : _options.DefaultStepTimeout;

    /// <summary>When to presume lost the report of work that makes <paramref name="attempts"/> attempts of up to
    /// <paramref name="timeout"/> with <paramref name="pauses"/> between them, and retries infrastructure failures until the
    /// window has passed (then one last pause and one last call of up to the timeout).</summary>
    private DateTimeOffset LostAt(TimeSpan timeout, int attempts, TimeSpan pauses) =>
        _time.GetUtcNow() + timeout * attempts + pauses + _options.InfrastructureRetryWindow + InfrastructureRetry.MaxDelay + timeout + s_lostAfter;

    private InfrastructureRetry RetryFor(string stepId) =>
        new(_options.InfrastructureRetryWindow, _time, _logger, WorkflowId, stepId);

    private void LaunchAction(WorkflowStepState step)
    {
        var (domainId, action, stepId, workflowId) = (step.DomainId, step.Action, step.StepId, WorkflowId);
        var input = InputOf(step);
        var timeout = TimeoutOf(step);
        _inFlight[stepId] = LostAt(timeout, 1, TimeSpan.Zero);
        var retry = RetryFor(stepId);
        var self = GrainFactory.GetGrain<IWorkflowRunGrain>(this.GetGrainId());
        var (lease, unrouted) = (TakeLease(step), UnroutedError(step));
        _ = Task.Run(async () =>
        {
            JsonElement output = s_null;
            string? error = null;
            var outcomeUnknown = false;
            try
            {
                if (unrouted is not null) { throw new WorkflowStepException(unrouted); }
                output = await retry.RunAsync(() => runner.ExecuteAsync(domainId, action, workflowId, stepId, input, timeout));
            }
            catch (WorkflowStepException e) when (e.IsTransient)
            {
                error = e.Message;
                outcomeUnknown = true; // it may have run: the rollback compensates it too
                _logger.LogWarning(e, "Workflow {WorkflowId}: {StepId} failed on infrastructure failures past the retry window; its outcome is unknown", workflowId, stepId);
            }
            catch (Exception e)
            {
                error = e.Message;
            }
            lease?.Dispose();
            await ReportAsync(workflowId, stepId, () => self.StepFinished(stepId, output, error, outcomeUnknown));
        });
    }

    private void LaunchCompensation(WorkflowStepState step)
    {
        var (domainId, action, stepId, workflowId) = (step.DomainId, step.Action, step.StepId, WorkflowId);
        var (input, output) = (CompensationInputOf(step), step.Output ?? s_null);
        var timeout = TimeoutOf(step);
        var (attempts, delay) = (_options.CompensationAttempts, _options.CompensationRetryDelay);
        _inFlight[stepId] = LostAt(timeout, attempts, delay * attempts);
        var retry = RetryFor(stepId);
        var self = GrainFactory.GetGrain<IWorkflowRunGrain>(this.GetGrainId());
        _ = Task.Run(async () =>
        {
            string? error = null;
            for (var attempt = 1; attempt <= attempts; attempt++)
            {
                try
                {
                    await retry.RunAsync(() => runner.CompensateAsync(domainId, action, workflowId, stepId, input, output, timeout));
                    error = null;
                    break;
                }
                catch (WorkflowStepException e) when (e.IsTransient)
                {
                    // Not an answer: the compensation's outcome is unknown, so it is neither done nor failed. It runs again later.
                    _logger.LogWarning(e, "Workflow {WorkflowId}: the compensation of {StepId} met infrastructure failures for the whole retry window; it runs again when the workflow resumes", workflowId, stepId);
                    await ReportAsync(workflowId, stepId, () => self.CompensationDeferred(stepId, e.Message));
                    return;
                }
                catch (Exception e)
                {
                    // The domain's answer: one attempt used.
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
