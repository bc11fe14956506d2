using Microsoft.Extensions.Logging;

namespace Rayswarm.Grains.Providers;

/// <summary>
/// Batches this silo's cursor commits: a router moves on as soon as a delivery finished (its cursor is kept in memory) and
/// the cursors staged meanwhile are written in one log write a few milliseconds later. A cursor lost in a crash only means
/// the event is delivered again (at least once); a failed write keeps the cursors for the next flush.
/// </summary>
internal sealed partial class CursorCommitter(IStreamLog log, TimeProvider time, ILogger<CursorCommitter> logger) : IAsyncDisposable
{
    private static readonly TimeSpan s_flushDelay = TimeSpan.FromMilliseconds(5);
    private readonly Lock _gate = new();
    private readonly SemaphoreSlim _flushing = new(1, 1);
    private List<StreamCursor> _staged = [];
    private Task _flush = Task.CompletedTask;
    private bool _disposed;

    /// <summary>Stages a cursor; it is written shortly.</summary>
    public void Stage(StreamCursor cursor)
    {
        lock (_gate)
        {
            _staged.Add(cursor);
            if (_staged.Count == 1 && !_disposed) { _flush = Task.Run(FlushSoonAsync); }
        }
    }

    /// <summary>Writes every staged cursor now.</summary>
    public async Task FlushAsync()
    {
        await _flushing.WaitAsync();
        try
        {
            List<StreamCursor> batch;
            lock (_gate)
            {
                if (_staged.Count == 0) { return; }
                (batch, _staged) = (_staged, []);
            }
            try
            {
                await log.CommitCursorsAsync(batch, CancellationToken.None);
            }
            catch (Exception e)
            {
                LogCommitFailed(logger, e, batch.Count);
                lock (_gate) { _staged.InsertRange(0, batch); }
            }
        }
        finally
        {
            _flushing.Release();
        }
    }

    private async Task FlushSoonAsync()
    {
        await Task.Delay(s_flushDelay, time);
        await FlushAsync();
        bool again;
        lock (_gate) { again = _staged.Count > 0 && !_disposed; }
        while (again)
        {
            await Task.Delay(s_flushDelay, time);
            await FlushAsync();
            lock (_gate) { again = _staged.Count > 0 && !_disposed; }
        }
    }

    public async ValueTask DisposeAsync()
    {
        Task flush;
        lock (_gate)
        {
            _disposed = true;
            flush = _flush;
        }
        await flush;
        await FlushAsync();
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "Committing {Count} stream cursors failed; they are retried")]
    private static partial void LogCommitFailed(ILogger logger, Exception exception, int count);
}
