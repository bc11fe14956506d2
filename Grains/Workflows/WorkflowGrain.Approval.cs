using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using System.Xml;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Rayswarm.Grains.Interfaces;

namespace Rayswarm.Grains;

/// <summary>
/// Approval steps (docs/workflows.md, Approval steps). A ready approval step waits: its review is opened in the review store
/// just before the transition is written, and once nothing else runs the workflow parks: its resume reminder is moved to the
/// earliest deadline and the activation is let go (<c>DeactivateOnIdle</c>), so a waiting workflow costs storage, not memory.
/// The decision wakes it (<see cref="Decided"/>); so does the reminder at the deadline, which reads the review (a decision
/// whose call was lost is found there) or times it out. The review store decides races: a decision is a conditional update
/// from pending, so an approval and a timeout cannot both win.
/// </summary>
public sealed partial class WorkflowGrain : IWorkflowApprovalGrain
{
    private const string TimeoutDecider = "system";

    private IReviewStore? _reviews;

    /// <summary>Whether this activation has written the review of every waiting step (writes are idempotent; after an
    /// activation they are written again once, in case the last activation died before writing them).</summary>
    private bool _reviewsOpened;

    /// <summary>Whether this activation knows the resume reminder ticks at the regular period (not at a deadline).</summary>
    private bool _reminderRegular;

    private IReviewStore Reviews => _reviews ??= ServiceProvider.GetService<IReviewStore>() ?? UnconfiguredReviewStore.Instance;

    private static bool IsApproval(WorkflowStepState step) => step.Type == ApprovalSteps.Type;

    public async Task Decided(string stepId, ReviewInfo review)
    {
        ArgumentNullException.ThrowIfNull(review);
        await _gate.WaitAsync();
        try
        {
            ThrowIfBroken();
            var step = S.Steps.Find(s => s.StepId == stepId);
            if (step is null || step.Status != WorkflowStepStatus.Waiting || step.ReviewId != review.ReviewId || S.Status != WorkflowStatus.Running)
            {
                return; // decided before, or the workflow ended: nothing waits for it
            }
            await ApplyDecisionsAsync([(step, review)]);
        }
        finally
        {
            _gate.Release();
        }
    }

    /// <summary>Marks a ready approval step as waiting (under the gate, inside a transition).</summary>
    private void RequestApproval(WorkflowStepState step, DateTimeOffset now)
    {
        step.Status = WorkflowStepStatus.Waiting;
        step.StartedAt = now;
        step.ReviewId ??= ReviewIdOf(step);
        var timeout = TimeSpan.FromSeconds(step.ApprovalTimeoutSeconds ?? ApprovalSteps.DefaultTimeout.TotalSeconds);
        step.DeadlineAt = now + timeout;
        Append(now, WorkflowAuditTypes.ApprovalRequested, step.StepId,
            detail: $"review {step.ReviewId}; approvers {string.Join(", ", step.Approvers ?? [])}; timeout {XmlConvert.ToString(timeout)}");
        _reviewsOpened = false;
    }

    /// <summary>A completed approval step in a rollback: nothing to undo, so it is compensated at once.</summary>
    private void CompensateApproval(WorkflowStepState step, DateTimeOffset now)
    {
        step.Status = WorkflowStepStatus.Compensated;
        S.Compensations++;
        Append(now, WorkflowAuditTypes.Compensated, step.StepId, detail: "an approval: nothing to undo");
    }

    /// <summary>After every written transition (under the gate): opens the reviews of waiting steps, closes those of steps the
    /// workflow gave up (cancelled), and parks the workflow when only approvals are left.</summary>
    private async Task AfterCommitApprovalsAsync()
    {
        if (!S.Steps.Exists(IsApproval)) { return; }
        if (!WorkflowStatus.IsActive(S.Status) || S.Status == WorkflowStatus.RollingBack)
        {
            await CancelAbandonedReviewsAsync();
            return;
        }
        await ParkOrRunAsync();
    }

    /// <summary>The review id of an approval step: derived from the workflow and step ids, so a transition that is written
    /// again after a failed write opens the same review rather than leaving one behind.</summary>
    private string ReviewIdOf(WorkflowStepState step) =>
        "apr_" + Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(WorkflowId + "\n" + step.StepId)))[..32];

    /// <summary>Writes the reviews of the waiting steps (idempotent). Before the state that says they wait, so a client that
    /// reads a step's review id finds its review.</summary>
    private async Task OpenReviewsAsync()
    {
        if (_reviewsOpened || !S.Steps.Exists(IsApproval)) { return; }
        try
        {
            foreach (var step in S.Steps.Where(s => s.Status == WorkflowStepStatus.Waiting)) { await Reviews.OpenAsync(ReviewOf(step)); }
            _reviewsOpened = true;
        }
        catch (Exception e)
        {
            // The regular reminder stays, so the next tick writes them again.
            LogReviewsNotOpened(_logger, WorkflowId, e);
        }
    }

    private async Task CancelAbandonedReviewsAsync()
    {
        var now = _time.GetUtcNow();
        foreach (var step in S.Steps.Where(s => IsApproval(s) && s.Status == WorkflowStepStatus.Skipped && s.ReviewId is not null && s.Decision is null))
        {
            try
            {
                await Reviews.DecideAsync(ReviewOf(step) with
                {
                    Status = ReviewStatus.Cancelled, DecidedAt = now, DecidedBy = TimeoutDecider, Comment = $"the workflow {S.Status.Replace('_', ' ')}",
                });
            }
            catch (Exception e)
            {
                LogReviewsNotOpened(_logger, WorkflowId, e);
            }
        }
    }

    /// <summary>Only approvals wait (nothing runs, nothing is in flight): the reminder moves to the earliest deadline and the
    /// activation goes. Otherwise the reminder ticks at the regular period, as for any running workflow.</summary>
    private async Task ParkOrRunAsync()
    {
        var waiting = S.Steps.Where(s => s.Status == WorkflowStepStatus.Waiting).ToList();
        var onlyWaiting = waiting.Count > 0 && _inFlight.Count == 0
            && !S.Steps.Exists(s => s.Status is WorkflowStepStatus.Running or WorkflowStepStatus.Compensating);
        if (onlyWaiting && _reviewsOpened)
        {
            var due = waiting.Min(s => s.DeadlineAt!.Value) - _time.GetUtcNow();
            _reminder = await this.RegisterOrUpdateReminder(ResumeReminder, due > TimeSpan.Zero ? due : TimeSpan.Zero, _options.ResumePeriod);
            _reminderRegular = false;
            LeaveWhenIdle();
            return;
        }
        if (!_reminderRegular)
        {
            _reminder = await this.RegisterOrUpdateReminder(ResumeReminder, _options.ResumePeriod, _options.ResumePeriod);
            _reminderRegular = true;
        }
    }

    /// <summary>Lets the activation go once the calls it is serving are done. From a timer, not from the activation itself
    /// (an activation that deactivates while it activates would hand its first call to a new activation, which would do the same).</summary>
    private void LeaveWhenIdle() =>
        this.RegisterGrainTimer(static (grain, _) =>
        {
            grain.DeactivateOnIdle();
            return Task.CompletedTask;
        }, this, new GrainTimerCreationOptions(TimeSpan.Zero, Timeout.InfiniteTimeSpan));

    /// <summary>On activation and on a reminder tick: applies decisions recorded in the review store that did not reach this
    /// workflow, times out the approvals past their deadline, or parks again. An activation (a read, a decision) of a parked
    /// workflow finds its reviews written and its reminder at the deadline, so it only lets the activation go once idle.</summary>
    private async Task SettleApprovalsAsync(bool activating)
    {
        await _gate.WaitAsync();
        try
        {
            if (_broken || !Exists || S.Status != WorkflowStatus.Running) { return; }
            var waiting = S.Steps.Where(s => s.Status == WorkflowStepStatus.Waiting).ToList();
            if (waiting.Count == 0) { return; }
            var now = _time.GetUtcNow();
            List<(WorkflowStepState, ReviewInfo)> decided = [];
            var missing = false;
            foreach (var step in waiting)
            {
                var review = await Reviews.GetAsync(step.ReviewId!);
                if (review is null)
                {
                    missing = true; // the last activation died before writing it
                    continue;
                }
                if (review.Status == ReviewStatus.Pending && now >= step.DeadlineAt)
                {
                    var timedOut = review with
                    {
                        Status = ReviewStatus.TimedOut, DecidedAt = now, DecidedBy = TimeoutDecider,
                        Comment = $"no decision within {XmlConvert.ToString(TimeSpan.FromSeconds(step.ApprovalTimeoutSeconds ?? 0))}",
                    };
                    review = await Reviews.DecideAsync(timedOut) ? timedOut : await Reviews.GetAsync(step.ReviewId!) ?? review;
                }
                if (review.Status != ReviewStatus.Pending) { decided.Add((step, review)); }
            }
            if (decided.Count > 0)
            {
                await ApplyDecisionsAsync(decided);
                return;
            }
            _reviewsOpened = !missing;
            await OpenReviewsAsync();
            if (activating && _reviewsOpened && _inFlight.Count == 0
                && !S.Steps.Exists(s => s.Status is WorkflowStepStatus.Running or WorkflowStepStatus.Compensating))
            {
                LeaveWhenIdle();
                return;
            }
            await ParkOrRunAsync();
        }
        finally
        {
            _gate.Release();
        }
    }

    /// <summary>One transition for the decisions (under the gate): approve completes the step (its output is the decision)
    /// and schedules what depends on it; reject or timeout fails it, and the workflow compensates as after a failure.</summary>
    private async Task ApplyDecisionsAsync(List<(WorkflowStepState Step, ReviewInfo Review)> decisions)
    {
        var now = _time.GetUtcNow();
        var before = S.Status;
        List<WorkflowStepState> launches = [];
        foreach (var (step, review) in decisions)
        {
            if (step.Status != WorkflowStepStatus.Waiting || S.Status != WorkflowStatus.Running) { continue; }
            var decision = DecisionOf(review);
            var hash = CanonicalJson.Hash(decision);
            step.Decision = decision;
            step.CompletedAt = now;
            var detail = review.Comment is { Length: > 0 } comment ? comment : null;
            if (review.Status == ReviewStatus.Approved)
            {
                Append(now, WorkflowAuditTypes.Approved, step.StepId, detail, hash, review.DecidedBy);
                step.Status = WorkflowStepStatus.Completed;
                step.Output = decision;
                step.CompletionOrder = ++S.Completions;
                Append(now, WorkflowAuditTypes.StepCompleted, step.StepId, dataHash: hash);
                continue;
            }
            var timedOut = review.Status == ReviewStatus.TimedOut;
            Append(now, timedOut ? WorkflowAuditTypes.ApprovalTimedOut : WorkflowAuditTypes.Rejected, step.StepId, detail, hash, review.DecidedBy);
            step.Status = WorkflowStepStatus.Failed;
            step.Error = timedOut
                ? $"no decision within the approval's timeout ({XmlConvert.ToString(TimeSpan.FromSeconds(step.ApprovalTimeoutSeconds ?? 0))})"
                : $"rejected by {review.DecidedBy}{(detail is null ? "" : ": " + detail)}";
            BeginRollback(step, now);
        }
        if (S.Status == WorkflowStatus.Running)
        {
            launches = ScheduleReady(now);
            if (S.Steps.TrueForAll(s => s.Status == WorkflowStepStatus.Completed)) { Finish(WorkflowStatus.Completed, now); }
        }
        var compensation = S.Status == WorkflowStatus.RollingBack ? NextCompensation(now) : null;
        await CommitAsync(before, launches, compensation);
    }

    /// <summary>The decision as the step records it (and as an approved step's output): review id, decision, who, when, comment.</summary>
    private static JsonElement DecisionOf(ReviewInfo review) =>
        JsonSerializer.SerializeToElement(new
        {
            review_id = review.ReviewId,
            decision = review.Status,
            decided_by = review.DecidedBy,
            decided_at = review.DecidedAt?.UtcDateTime.ToString("yyyy-MM-ddTHH:mm:ss.fffffffZ", CultureInfo.InvariantCulture),
            comment = review.Comment,
        });

    /// <summary>Each decision entry's data_hash must be the hash of the decision its step stores.</summary>
    private void CheckDecisions(List<string> problems)
    {
        foreach (var entry in S.Audit.Where(e => e.Type is WorkflowAuditTypes.Approved or WorkflowAuditTypes.Rejected or WorkflowAuditTypes.ApprovalTimedOut))
        {
            var step = S.Steps.Find(s => s.StepId == entry.StepId);
            if (step?.Decision is not { } decision || CanonicalJson.Hash(decision) != entry.DataHash)
            {
                problems.Add($"steps[{entry.StepId}].decision does not match the hash recorded by audit[{entry.Index}].");
            }
            else if (decision.GetProperty("decided_by").GetString() != entry.Actor)
            {
                problems.Add($"steps[{entry.StepId}].decision names another decider than audit[{entry.Index}].");
            }
        }
    }

    /// <summary>The review of a waiting step, with what the expert needs: the outputs of the steps it depends on.</summary>
    private ReviewInfo ReviewOf(WorkflowStepState step) =>
        new(step.ReviewId!, ReviewKinds.Approval, step.DomainId, ReviewStatus.Pending, step.Prompt, step.Approvers ?? [],
            WorkflowId, step.StepId,
            JsonSerializer.SerializeToElement(new
            {
                workflow_id = WorkflowId,
                workflow_name = S.Name,
                step_id = step.StepId,
                dependencies = step.DependsOn.ToDictionary(d => d, d => S.Steps.Find(s => s.StepId == d) is { } dependency
                    ? JsonSerializer.SerializeToElement(new
                    {
                        domain_id = dependency.DomainId, action = dependency.Action, status = dependency.Status, output = dependency.Output,
                    })
                    : (JsonElement?)null, StringComparer.Ordinal),
            }),
            S.Audit.FirstOrDefault(e => e.Type == WorkflowAuditTypes.Started)?.Actor,
            step.StartedAt ?? _time.GetUtcNow(), step.DeadlineAt);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Workflow {WorkflowId}: the review store could not be written; trying again on the next tick")]
    private static partial void LogReviewsNotOpened(ILogger logger, string workflowId, Exception exception);
}
