namespace Rayswarm.Runtime.Core;

// Cursor commits are batched: a lane moves on as soon as its handler succeeded (its cursor is kept in memory), and the
// flusher writes every staged cursor in one log write a few milliseconds later. Only then does the event count as
// finished for the partition checkpoint, so a checkpoint never passes an event whose cursor is not durable; a crash in
// between re-delivers those events (at least once).
internal sealed partial class StreamDeliveryAgent
{
    private static readonly TimeSpan s_flushDelay = TimeSpan.FromMilliseconds(5);
    private readonly Lock _stagedGate = new();
    private readonly SemaphoreSlim _flushSignal = new(0);
    private readonly SemaphoreSlim _flushing = new(1, 1);
    private List<(StreamCursor Cursor, PartitionReader Reader, long Position)> _staged = [];
    private Task? _flushLoop;

    private void StageCursor(StreamCursor cursor, PartitionReader reader, long position)
    {
        bool first;
        lock (_stagedGate)
        {
            first = _staged.Count == 0;
            _staged.Add((cursor, reader, position));
        }
        if (first) { _flushSignal.Release(); }
    }

    private async Task FlushLoopAsync()
    {
        var stop = _stopping.Token;
        while (!stop.IsCancellationRequested)
        {
            try
            {
                await _flushSignal.WaitAsync(stop).ConfigureAwait(false);
                await Task.Delay(s_flushDelay, _time, stop).ConfigureAwait(false);
            }
            catch (OperationCanceledException)
            {
                break;
            }
            await FlushCursorsAsync().ConfigureAwait(false);
        }
    }

    /// <summary>Writes every staged cursor, then marks their events finished. On a failed write they stay staged for the next flush.</summary>
    private async Task FlushCursorsAsync()
    {
        await _flushing.WaitAsync().ConfigureAwait(false);
        try
        {
            List<(StreamCursor Cursor, PartitionReader Reader, long Position)> batch;
            lock (_stagedGate)
            {
                if (_staged.Count == 0) { return; }
                batch = _staged;
                _staged = [];
            }
            try
            {
                await _log.CommitCursorsAsync([.. batch.Select(b => b.Cursor)], CancellationToken.None).ConfigureAwait(false);
            }
            catch (Exception e)
            {
                _logger.StoreFailed(e, -1);
                lock (_stagedGate) { _staged.InsertRange(0, batch); }
                _flushSignal.Release();
                return;
            }
            foreach (var (_, reader, position) in batch) { reader.FinishFlushed(position); }
        }
        finally
        {
            _flushing.Release();
        }
    }
}
