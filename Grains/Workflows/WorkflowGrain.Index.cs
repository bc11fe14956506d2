using Microsoft.Extensions.Logging;
using Rayswarm.Grains.Interfaces;

namespace Rayswarm.Grains;

/// <summary>
/// Keeping the workflow's index row in step with its state. The state is written first and the row after it, so a silo
/// that dies in between, or a row write that fails, leaves the row behind; three things bring it back, none on the hot path:
/// <list type="bullet">
/// <item>an activation of a stored workflow reads its row and rewrites it when its status differs (reads of finished
/// workflows activate them too);</item>
/// <item>a failed row write is retried by a timer of the activation until it succeeds;</item>
/// <item>a workflow keeps its resume reminder past its terminal status until its row is written, so a silo that dies
/// before that brings the workflow back on another silo, whose activation repairs the row.</item>
/// </list>
/// </summary>
public sealed partial class WorkflowGrain
{
    private static readonly TimeSpan s_indexRepairPeriod = TimeSpan.FromSeconds(1);

    /// <summary>Runs while this activation knows its row lags its status (a write failed).</summary>
    private IGrainTimer? _indexRepair;

    /// <summary>On activation: the row must say what the stored state says.</summary>
    private async Task CheckIndexAsync()
    {
        await _gate.WaitAsync();
        try
        {
            if (!Exists) { return; } // a new workflow: Create writes its first row
            WorkflowSummary? row;
            try
            {
                row = await index.GetAsync(WorkflowId);
            }
            catch (Exception e)
            {
                _logger.LogWarning(e, "Workflow {WorkflowId}: its index row could not be read; rewriting it in the background", WorkflowId);
                StartIndexRepair();
                return;
            }
            if (row is not null && row.Status == S.Status) { return; }
            _logger.LogInformation("Workflow {WorkflowId} is {Status} but its index row says {Row}: rewriting the row", WorkflowId, S.Status,
                row?.Status ?? "nothing");
            await WriteIndexAsync();
        }
        finally
        {
            _gate.Release();
        }
    }

    /// <summary>Upserts the row (under the gate). True when written; else the repair timer keeps trying.</summary>
    private async Task<bool> WriteIndexAsync()
    {
        try
        {
            await index.UpsertAsync(Summary());
            StopIndexRepair();
            return true;
        }
        catch (Exception e)
        {
            _logger.LogWarning(e, "Workflow {WorkflowId}: the index was not updated to {Status}; retrying in the background", WorkflowId, S.Status);
            StartIndexRepair();
            return false;
        }
    }

    private void StartIndexRepair() =>
        _indexRepair ??= this.RegisterGrainTimer(static (grain, cancellation) => grain.RepairIndexAsync(cancellation), this,
            new GrainTimerCreationOptions(s_indexRepairPeriod, s_indexRepairPeriod) { KeepAlive = true });

    private void StopIndexRepair()
    {
        _indexRepair?.Dispose();
        _indexRepair = null;
    }

    /// <summary>A tick of the repair timer: writes the current row; once written, a finished workflow ends its reminder.</summary>
    private async Task RepairIndexAsync(CancellationToken cancellation)
    {
        await _gate.WaitAsync(cancellation);
        try
        {
            if (_indexRepair is null || _broken) { return; }
            try
            {
                await index.UpsertAsync(Summary(), cancellation);
            }
            catch (Exception e)
            {
                _logger.LogDebug(e, "Workflow {WorkflowId}: the index is still not updated to {Status}", WorkflowId, S.Status);
                return; // the next tick tries again
            }
            StopIndexRepair();
            _logger.LogInformation("Workflow {WorkflowId}: the index row is {Status} again", WorkflowId, S.Status);
            if (WorkflowStatus.IsTerminal(S.Status)) { await EndReminderAsync(); }
        }
        finally
        {
            _gate.Release();
        }
    }

    /// <summary>Removes the resume reminder of a finished workflow whose row is written.</summary>
    private async Task EndReminderAsync()
    {
        if ((_reminder ?? await this.GetReminder(ResumeReminder)) is { } reminder) { await this.UnregisterReminder(reminder); }
        _reminder = null;
    }
}
