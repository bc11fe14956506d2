using System.Threading.Channels;

namespace Rayswarm.Grains.Providers;

/// <summary>
/// Group commit: publishes that arrive together are appended in one log transaction, so durable publishing keeps up
/// with many concurrent publishers. Each publish completes only once its batch is stored.
/// </summary>
internal sealed class StreamPublisher : IAsyncDisposable
{
    private readonly IStreamLog _log;
    private readonly int _maxBatch;
    private readonly Action<IReadOnlyList<StoredStreamEvent>> _appended;
    private readonly Channel<Pending> _queue = Channel.CreateUnbounded<Pending>(new UnboundedChannelOptions { SingleReader = true });
    private readonly Task _writer;

    public StreamPublisher(IStreamLog log, int maxBatch, Action<IReadOnlyList<StoredStreamEvent>> appended)
    {
        _log = log;
        _maxBatch = maxBatch;
        _appended = appended;
        _writer = Task.Run(WriteLoopAsync);
    }

    public long Published => Interlocked.Read(ref _published);

    private long _published;

    public Task<StoredStreamEvent> AppendAsync(NewStreamEvent streamEvent)
    {
        var pending = new Pending(streamEvent);
        // Only a disposed publisher refuses writes; its runtime stops publishes before it disposes it, so this is a safety net.
        if (!_queue.Writer.TryWrite(pending)) { throw EventLogRuntime.Stopped(streamEvent); }
        return pending.Completion.Task;
    }

    private async Task WriteLoopAsync()
    {
        var batch = new List<Pending>(_maxBatch);
        var reader = _queue.Reader;
        while (await reader.WaitToReadAsync())
        {
            while (batch.Count < _maxBatch && reader.TryRead(out var next)) { batch.Add(next); }
            try
            {
                var stored = await _log.AppendAsync([.. batch.Select(p => p.Event)], CancellationToken.None);
                for (var i = 0; i < batch.Count; i++) { batch[i].Completion.TrySetResult(stored[i]); }
                Interlocked.Add(ref _published, batch.Count);
                _appended(stored);
            }
            catch (Exception e)
            {
                foreach (var pending in batch) { pending.Completion.TrySetException(e); }
            }
            batch.Clear();
        }
    }

    public async ValueTask DisposeAsync()
    {
        _queue.Writer.TryComplete();
        await _writer;
    }

    private sealed class Pending(NewStreamEvent streamEvent)
    {
        public NewStreamEvent Event { get; } = streamEvent;

        public TaskCompletionSource<StoredStreamEvent> Completion { get; } = new(TaskCreationOptions.RunContinuationsAsynchronously);
    }
}
