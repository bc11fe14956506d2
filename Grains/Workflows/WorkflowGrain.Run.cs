using System.Text.Json;
using Microsoft.Extensions.Logging;
using Rayswarm.Grains.Interfaces;

namespace Rayswarm.Grains;

/// <summary>Execution: scheduling ready steps, step reports, rollback, resume after a move.</summary>
public sealed partial class WorkflowGrain
{
    private const string ResumeReminder = "workflow-run";
    private static readonly TimeSpan s_lostAfter = TimeSpan.FromMinutes(1);

    /// <summary>Steps whose action or compensation this activation launched, with when to presume the report lost.</summary>
    private readonly Dictionary<string, DateTimeOffset> _inFlight = new(StringComparer.Ordinal);

    /// <summary>Compensations put off after infrastructure failures outlasted the retry window, until the next resume.</summary>
    private readonly HashSet<string> _deferred = new(StringComparer.Ordinal);

    /// <summary>The resume reminder as this activation registered it, so ending it needs no read; null after a move.</summary>
    private IGrainReminder? _reminder;

    /// <summary>Set when a write failed: memory is ahead of storage, so this activation refuses work until it is replaced.</summary>
    private bool _broken;

    public override async Task OnActivateAsync(CancellationToken cancellationToken)
    {
        await CheckIndexAsync();
        await ResumeAsync();
        await SettleApprovalsAsync(activating: true);
    }

    public async Task ReceiveReminder(string reminderName, TickStatus status)
    {
        if (reminderName != ResumeReminder) { return; }
        if (!Exists || !WorkflowStatus.IsActive(S.Status))
        {
            // A finished workflow ends its reminder once its index row is written (the activation checked it).
            if (_indexRepair is null) { await EndReminderAsync(); }
            return;
        }
        var now = _time.GetUtcNow();
        foreach (var (stepId, lostAt) in _inFlight.ToArray())
        {
            if (now >= lostAt) { _inFlight.Remove(stepId); } // its report never came: run it again
        }
        await SettleApprovalsAsync(activating: false);
        await ResumeAsync();
    }

    private async Task StartAsync()
    {
        await _gate.WaitAsync();
        try
        {
            ThrowIfBroken();
            ThrowIfMissing();
            if (S.Status != WorkflowStatus.Created)
            {
                throw new ConflictException($"Workflow '{WorkflowId}' is already {S.Status.Replace('_', ' ')}: a workflow is executed once.");
            }
            // The reminder first: once the write below says running, something must bring the workflow back after a crash.
            _reminder = await this.RegisterOrUpdateReminder(ResumeReminder, _options.ResumePeriod, _options.ResumePeriod);
            var now = _time.GetUtcNow();
            var before = S.Status;
            S.Status = WorkflowStatus.Running;
            S.StartedAt = now;
            Append(now, WorkflowAuditTypes.Started, actor: Caller.Name);
            await CommitAsync(before, ScheduleReady(now), compensation: null);
        }
        finally
        {
            _gate.Release();
        }
    }

    public async Task StepFinished(string stepId, JsonElement output, string? error, bool outcomeUnknown)
    {
        await _gate.WaitAsync();
        try
        {
            ThrowIfBroken();
            var step = S.Steps.Find(s => s.StepId == stepId);
            if (step is null || step.Status != WorkflowStepStatus.Running || !WorkflowStatus.IsActive(S.Status)) { return; } // stale report
            _inFlight.Remove(stepId);
            var now = _time.GetUtcNow();
            var before = S.Status;
            List<WorkflowStepState> launches = [];
            step.CompletedAt = now;
            if (error is null)
            {
                step.Status = WorkflowStepStatus.Completed;
                step.Output = output;
                step.CompletionOrder = ++S.Completions;
                Append(now, WorkflowAuditTypes.StepCompleted, stepId, dataHash: CanonicalJson.Hash(output));
                if (S.Status == WorkflowStatus.Running)
                {
                    launches = ScheduleReady(now);
                    if (S.Steps.TrueForAll(s => s.Status == WorkflowStepStatus.Completed)) { Finish(WorkflowStatus.Completed, now); }
                }
            }
            else
            {
                step.Status = WorkflowStepStatus.Failed;
                step.Error = error;
                step.OutcomeUnknown = outcomeUnknown;
                Append(now, WorkflowAuditTypes.StepFailed, stepId, detail: error);
                if (S.Status == WorkflowStatus.Running) { BeginRollback(step, now); }
            }
            var compensation = S.Status == WorkflowStatus.RollingBack ? NextCompensation(now) : null;
            await CommitAsync(before, launches, compensation);
        }
        finally
        {
            _gate.Release();
        }
    }

    public async Task CompensationFinished(string stepId, string? error)
    {
        await _gate.WaitAsync();
        try
        {
            ThrowIfBroken();
            var step = S.Steps.Find(s => s.StepId == stepId);
            if (step is null || step.Status != WorkflowStepStatus.Compensating || S.Status != WorkflowStatus.RollingBack) { return; }
            _inFlight.Remove(stepId);
            var now = _time.GetUtcNow();
            S.Compensations++;
            if (error is null)
            {
                step.Status = WorkflowStepStatus.Compensated;
                Append(now, WorkflowAuditTypes.Compensated, stepId);
            }
            else
            {
                step.Status = WorkflowStepStatus.CompensationFailed;
                step.Error = error;
                S.Error += $"; compensation of step '{stepId}' ({step.DomainId}.{step.Action}) failed: {error}";
                Append(now, WorkflowAuditTypes.CompensationFailed, stepId, detail: error);
            }
            await CommitAsync(WorkflowStatus.RollingBack, [], NextCompensation(now));
        }
        finally
        {
            _gate.Release();
        }
    }

    public async Task CompensationDeferred(string stepId, string reason)
    {
        await _gate.WaitAsync();
        try
        {
            var step = S.Steps.Find(s => s.StepId == stepId);
            if (step is null || step.Status != WorkflowStepStatus.Compensating || S.Status != WorkflowStatus.RollingBack) { return; }
            // Neither compensated nor failed: it stays compensating, and the next resume (reminder tick, activation) runs it again.
            _inFlight.Remove(stepId);
            _deferred.Add(stepId);
            _logger.LogWarning("Workflow {WorkflowId}: the compensation of {StepId} is put off until the workflow resumes: {Reason}", WorkflowId, stepId, reason);
        }
        finally
        {
            _gate.Release();
        }
    }

    /// <summary>After an activation (or a tick that found work without its report): runs again every step that was
    /// running and every compensation that was in progress (at-least-once), then carries on.</summary>
    private async Task ResumeAsync()
    {
        await _gate.WaitAsync();
        try
        {
            PublishPendingEvents(); // what a silo that died did not publish
            if (_broken || !Exists || !WorkflowStatus.IsActive(S.Status)) { return; }
            var now = _time.GetUtcNow();
            var before = S.Status;
            var auditLength = S.Audit.Count;
            List<WorkflowStepState> launches = [];
            foreach (var step in S.Steps.Where(s => s.Status == WorkflowStepStatus.Running && !_inFlight.ContainsKey(s.StepId)))
            {
                step.StartedAt = now;
                Append(now, WorkflowAuditTypes.StepStarted, step.StepId, detail: "resumed: started again after its report was lost");
                launches.Add(step);
            }
            WorkflowStepState? compensation = null;
            if (S.Status == WorkflowStatus.Running)
            {
                launches.AddRange(ScheduleReady(now));
            }
            else if (S.Steps.Find(s => s.Status == WorkflowStepStatus.Compensating) is { } compensating)
            {
                if (!_inFlight.ContainsKey(compensating.StepId))
                {
                    Append(now, WorkflowAuditTypes.CompensationStarted, compensating.StepId, detail: _deferred.Remove(compensating.StepId)
                        ? "resumed: started again after infrastructure failures outlasted the retry window"
                        : "resumed: started again after its report was lost");
                    compensation = compensating;
                }
            }
            else
            {
                compensation = NextCompensation(now);
            }
            if (S.Audit.Count == auditLength) { return; } // everything is in flight here: nothing to do
            await CommitAsync(before, launches, compensation);
        }
        finally
        {
            _gate.Release();
        }
    }

    /// <summary>Marks every pending step whose dependencies all completed as running; returns them.</summary>
    private List<WorkflowStepState> ScheduleReady(DateTimeOffset now)
    {
        var completed = S.Steps.Where(s => s.Status == WorkflowStepStatus.Completed).Select(s => s.StepId).ToHashSet(StringComparer.Ordinal);
        var ready = S.Steps.Where(s => s.Status == WorkflowStepStatus.Pending && s.DependsOn.TrueForAll(completed.Contains)).ToList();
        foreach (var step in ready)
        {
            if (IsApproval(step))
            {
                RequestApproval(step, now);
                continue;
            }
            step.Status = WorkflowStepStatus.Running;
            step.StartedAt = now;
            Append(now, WorkflowAuditTypes.StepStarted, step.StepId);
        }
        ready.RemoveAll(IsApproval); // they wait for a decision: nothing to launch
        return ready;
    }

    private void BeginRollback(WorkflowStepState failed, DateTimeOffset now)
    {
        S.Status = WorkflowStatus.RollingBack;
        S.Error = $"step '{failed.StepId}' ({failed.DomainId}.{failed.Action}) failed: {failed.Error}";
        foreach (var step in S.Steps.Where(s => s.Status is WorkflowStepStatus.Pending or WorkflowStepStatus.Waiting)) { step.Status = WorkflowStepStatus.Skipped; }
    }

    /// <summary>Once no action runs: a failed step whose outcome is unknown (it may have had its effect; nothing depends on
    /// it) starts compensating first, then the completed step that completed last; with none left the workflow ends, rolled
    /// back or (when a compensation failed for a domain reason) failed.</summary>
    private WorkflowStepState? NextCompensation(DateTimeOffset now)
    {
        if (S.Steps.Exists(s => s.Status is WorkflowStepStatus.Running or WorkflowStepStatus.Compensating)) { return null; }
        var next = S.Steps.Find(s => s.Status == WorkflowStepStatus.Failed && s.OutcomeUnknown)
            ?? S.Steps.Where(s => s.Status == WorkflowStepStatus.Completed).MaxBy(s => s.CompletionOrder);
        while (next is not null && IsApproval(next))
        {
            CompensateApproval(next, now); // a decision has nothing to undo
            next = S.Steps.Where(s => s.Status == WorkflowStepStatus.Completed).MaxBy(s => s.CompletionOrder);
        }
        if (next is null)
        {
            Finish(S.Steps.Exists(s => s.Status == WorkflowStepStatus.CompensationFailed) ? WorkflowStatus.Failed : WorkflowStatus.RolledBack, now);
            return null;
        }
        Append(now, WorkflowAuditTypes.CompensationStarted, next.StepId,
            detail: next.Status == WorkflowStepStatus.Failed ? "its action's outcome is unknown: undone in case it had its effect" : null);
        next.Status = WorkflowStepStatus.Compensating;
        return next;
    }

    private void Finish(string status, DateTimeOffset now)
    {
        S.Status = status;
        S.FinishedAt = now;
        Append(now, status, detail: S.Error);
    }

    /// <summary>Writes the transition, updates the index on a status change, ends the reminder at a terminal status (once
    /// the row says so: until then the reminder brings the workflow back to repair it), then launches the work the
    /// transition started.</summary>
    private async Task CommitAsync(string statusBefore, List<WorkflowStepState> launches, WorkflowStepState? compensation)
    {
        await OpenReviewsAsync(); // a review exists before the state says its step waits (WorkflowGrain.Approval)
        await RouteAsync(launches);
        // The row after the state, never ahead of it: a row behind is repaired (WorkflowGrain.Index), one ahead could not be.
        await PersistAsync();
        CountTransition(statusBefore);
        var indexed = S.Status == statusBefore || await WriteIndexAsync();
        await AfterCommitApprovalsAsync();
        if (WorkflowStatus.IsTerminal(S.Status))
        {
            // Whoever waits for the outcome hears it now; ending the reminder is housekeeping.
            (_finished ??= new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously)).TrySetResult();
            if (indexed) { await EndReminderAsync(); }
        }
        foreach (var step in launches) { LaunchAction(step); }
        if (compensation is not null) { LaunchCompensation(compensation); }
        PublishPendingEvents();
    }

    /// <summary>Counts a durable change of status (metrics): a start, or a final status with the workflow's duration.</summary>
    private void CountTransition(string statusBefore)
    {
        if (metrics is null || S.Status == statusBefore) { return; }
        if (statusBefore == WorkflowStatus.Created) { metrics.WorkflowStarted(); }
        if (WorkflowStatus.IsTerminal(S.Status)) { metrics.WorkflowFinished(S.Status, (S.FinishedAt - S.StartedAt) ?? TimeSpan.Zero); }
    }

    private async Task PersistAsync()
    {
        S.Proof = signer.Sign(WorkflowId, S.Audit[^1].Hash);
        try
        {
            await state.WriteStateAsync();
        }
        catch
        {
            ForgetRoutes();
            _broken = true;
            DeactivateOnIdle(); // the next activation reads what is stored and resumes from there
            throw;
        }
    }

    private void ThrowIfBroken()
    {
        if (_broken) { throw new InvalidOperationException($"Workflow '{WorkflowId}' is reloading after a failed write; try again."); }
    }
}
