using System.Diagnostics;
using System.Text.Json;
using Microsoft.Extensions.DependencyInjection;
using Rayswarm.Grains.Interfaces;

namespace Rayswarm.Grains;

/// <summary>
/// Runs one attempt of a step's action or compensation on its domain (a hosted worker grain or an HTTP endpoint, found by
/// <see cref="DomainResolver"/>) within the step's timeout. Runs outside grain turns; every failure comes back as a
/// <see cref="WorkflowStepException"/> with a message for people and the original exception inside. Infrastructure failures
/// (<see cref="TransientFailures"/>: the call's outcome is unknown) are marked <see cref="WorkflowStepException.IsTransient"/>
/// for the caller to retry; the domain's answers (an error, an unknown domain, an unreachable endpoint) and the step's own
/// timeout are not.
/// </summary>
public sealed class WorkflowStepRunner(DomainResolver resolver, DomainHttpClient http, [FromKeyedServices(DomainClock.Key)] TimeProvider? time = null,
    RayswarmMetrics? metrics = null)
{
    private readonly TimeProvider _time = time ?? TimeProvider.System;

    /// <summary>Runs <paramref name="action"/> of <paramref name="domainId"/> and returns its output.</summary>
    public Task<JsonElement> ExecuteAsync(string domainId, string action, string workflowId, string stepId, JsonElement input, TimeSpan timeout) =>
        ObservedAsync(domainId, action, workflowId, stepId, compensation: false, () => WithinAsync(timeout, async cancellation =>
        {
            var output = await ResolveAsync(domainId) switch
            {
                DomainTarget.Hosted hosted => await hosted.Worker.Execute(action, input),
                DomainTarget.Remote remote => await http.ExecuteAsync(remote, action, workflowId, stepId, input,
                    IdempotencyKeys.Action(workflowId, stepId), cancellation),
                _ => throw new InvalidOperationException("unknown domain target"),
            };
            return output.ValueKind == JsonValueKind.Undefined ? JsonSerializer.SerializeToElement<object?>(null) : output;
        }));

    /// <summary>Undoes an earlier <see cref="ExecuteAsync"/> that returned <paramref name="output"/> (JSON null when its
    /// outcome is unknown).</summary>
    public Task CompensateAsync(string domainId, string action, string workflowId, string stepId, JsonElement input, JsonElement output, TimeSpan timeout) =>
        ObservedAsync(domainId, action, workflowId, stepId, compensation: true, () => WithinAsync(timeout, async cancellation =>
        {
            switch (await ResolveAsync(domainId))
            {
                case DomainTarget.Hosted hosted:
                    await hosted.Worker.Compensate(action, input, output);
                    break;
                case DomainTarget.Remote remote:
                    await http.CompensateAsync(remote, action, workflowId, stepId, input, output,
                        IdempotencyKeys.Compensation(workflowId, stepId), cancellation);
                    break;
            }
            return true;
        }));

    /// <summary>One call as a span (<see cref="RayswarmTracing"/>; its grain or HTTP call is a child) and in the action metrics.</summary>
    private async Task<T> ObservedAsync<T>(string domainId, string action, string workflowId, string stepId, bool compensation, Func<Task<T>> call)
    {
        using var span = RayswarmTracing.Source.HasListeners()
            ? RayswarmTracing.Source.StartActivity($"{(compensation ? "compensate" : "execute")} {domainId}.{action}")
            : null;
        span?.SetTag(RayswarmMetrics.DomainTag, domainId);
        span?.SetTag(RayswarmMetrics.ActionTag, action);
        span?.SetTag("rayswarm.workflow.id", workflowId);
        span?.SetTag("rayswarm.step.id", stepId);
        var startedAt = Stopwatch.GetTimestamp();
        var succeeded = false;
        try
        {
            var result = await call();
            succeeded = true;
            return result;
        }
        catch (Exception e)
        {
            span?.SetStatus(ActivityStatusCode.Error, e.Message);
            throw;
        }
        finally
        {
            metrics?.DomainActionCalled(domainId, action, compensation, succeeded, startedAt);
        }
    }

    private async Task<DomainTarget> ResolveAsync(string domainId) =>
        await resolver.ResolveAsync(domainId)
        ?? throw new WorkflowStepException($"domain '{domainId}' is neither hosted in the cluster nor registered.");

    private async Task<T> WithinAsync<T>(TimeSpan timeout, Func<CancellationToken, Task<T>> work)
    {
        using var cancellation = new CancellationTokenSource(timeout, _time);
        var task = work(cancellation.Token);
        try
        {
            return await task.WaitAsync(timeout, _time);
        }
        catch (Exception e) when ((e is TimeoutException && !task.IsCompleted) || (e is OperationCanceledException && cancellation.IsCancellationRequested))
        {
            // The step's own timeout: the domain's answer is "too slow", not retried (a call timing out inside is, below).
            _ = task.ContinueWith(static t => _ = t.Exception, TaskScheduler.Default); // observed: it may still fail later
            throw new WorkflowStepException($"timed out after {timeout.TotalSeconds:0.###} s.", e);
        }
        catch (WorkflowStepException)
        {
            throw;
        }
        catch (Exception e)
        {
            throw new WorkflowStepException(e.Message, e, TransientFailures.IsTransient(e));
        }
    }
}
