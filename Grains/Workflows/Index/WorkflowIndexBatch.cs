using Rayswarm.Grains.Interfaces;

namespace Rayswarm.Grains;

/// <summary>
/// Group commit for an index store: upserts that arrive while a commit is in flight wait together and go into the next
/// transaction, so a busy index commits once per database round trip rather than once per upsert. An upsert into an idle
/// index is written at once. Within a batch only the newest version of each workflow is written.
/// </summary>
internal sealed class WorkflowIndexBatch(Func<IReadOnlyCollection<WorkflowSummary>, Task> commit)
{
    private readonly Lock _lock = new();
    private Dictionary<string, WorkflowSummary> _pending = new(StringComparer.Ordinal);
    private TaskCompletionSource? _next;
    private bool _committing;

    /// <summary>Queues <paramref name="summary"/>; completes when a commit that includes it is durable, or fails with it.</summary>
    public Task UpsertAsync(WorkflowSummary summary)
    {
        ArgumentNullException.ThrowIfNull(summary);
        Task written;
        lock (_lock)
        {
            if (!_pending.TryGetValue(summary.WorkflowId, out var queued) || queued.Version < summary.Version)
            {
                _pending[summary.WorkflowId] = summary;
            }
            _next ??= new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
            written = _next.Task;
            if (_committing) { return written; }
            _committing = true;
        }
        // On the thread pool: the committing loop must not run on (and hold up) the calling grain's turns.
        _ = Task.Run(CommitAllAsync);
        return written;
    }

    private async Task CommitAllAsync()
    {
        while (true)
        {
            Dictionary<string, WorkflowSummary> rows;
            TaskCompletionSource batch;
            lock (_lock)
            {
                if (_next is null)
                {
                    _committing = false;
                    return;
                }
                (rows, batch) = (_pending, _next);
                (_pending, _next) = (new Dictionary<string, WorkflowSummary>(StringComparer.Ordinal), null);
            }
            try
            {
                await commit(rows.Values);
                batch.SetResult();
            }
            catch (Exception e)
            {
                batch.SetException(e);
            }
        }
    }
}
