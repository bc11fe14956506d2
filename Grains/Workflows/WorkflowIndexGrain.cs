using Rayswarm.Grains.Interfaces;
using Rayswarm.Runtime.Abstractions;

namespace Rayswarm.Grains;

/// <summary>One partition of the workflow index; written when one of its workflows changes status (not per step).
/// Reentrant with group commit: upserts that arrive while a write is in flight change the dictionary at once (between
/// awaits, one thread at a time) and share the next write, so a busy partition writes once per storage round trip
/// rather than once per upsert. Each upsert returns when a write that includes it is durable.</summary>
[Reentrant]
public sealed class WorkflowIndexGrain([PersistentState("index", "Default")] IPersistentState<WorkflowIndexState> state)
    : Grain, IWorkflowIndexGrain
{
    /// <summary>How long a write waits for more upserts to share it.</summary>
    private static readonly TimeSpan Linger = TimeSpan.FromMilliseconds(50);

    private TaskCompletionSource? _nextWrite;
    private bool _writing;

    public async Task Upsert(WorkflowSummary summary)
    {
        ArgumentNullException.ThrowIfNull(summary);
        if (state.State.Workflows.TryGetValue(summary.WorkflowId, out var existing) && existing.Version >= summary.Version) { return; }
        state.State.Workflows[summary.WorkflowId] = summary;
        _nextWrite ??= new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        var written = _nextWrite.Task;
        if (!_writing) { _ = WriteAsync(); }
        await written;
    }

    /// <summary>Writes batches until no upsert waits; the state is serialized synchronously at the start of each write.</summary>
    private async Task WriteAsync()
    {
        _writing = true;
        try
        {
            for (var busy = false; _nextWrite is { } batch; busy = true)
            {
                // Busy (upserts came in during the last write): linger, so the upserts of the next moment share this
                // write too; a write serializes the whole partition. An upsert into an idle partition is written at once.
                if (busy) { await Task.Delay(Linger); }
                _nextWrite = null;
                try
                {
                    await state.WriteStateAsync();
                    batch.SetResult();
                }
                catch (Exception e)
                {
                    batch.SetException(e);
                }
            }
        }
        finally
        {
            _writing = false;
        }
    }

    public Task<WorkflowPage> List(string? status, int limit)
    {
        var matching = state.State.Workflows.Values.Where(w => status is null || w.Status == status).ToList();
        IReadOnlyList<WorkflowSummary> page = [.. matching.OrderByDescending(w => w.CreatedAt).ThenBy(w => w.WorkflowId, StringComparer.Ordinal).Take(limit)];
        return Task.FromResult(new WorkflowPage(page, matching.Count, limit, 0));
    }

    public Task<WorkflowIndexTotals> Totals()
    {
        var all = state.State.Workflows.Values;
        var byStatus = all.GroupBy(w => w.Status).ToDictionary(g => g.Key, g => (long)g.Count(), StringComparer.Ordinal);
        var finished = all.Where(w => w.StartedAt is not null && w.FinishedAt is not null).ToList();
        return Task.FromResult(new WorkflowIndexTotals(
            byStatus,
            all.Sum(w => (long)w.StepsCompleted),
            all.Sum(w => (long)w.Compensations),
            finished.Count,
            finished.Sum(w => (w.FinishedAt!.Value - w.StartedAt!.Value).TotalMilliseconds)));
    }
}
