using System.Threading.Channels;
using System.Threading.Tasks.Sources;

namespace Rayswarm.Benchmarks;

/// <summary>
/// The physical baseline of a local call: request/response through one single-reader <see cref="Channel{T}"/>
/// hop, with a reusable, allocation-free response per caller. Nothing can be cheaper and still hand work to
/// another logical owner.
/// </summary>
public sealed class ChannelHop : IAsyncDisposable
{
    private readonly Channel<HopRequest> _channel = Channel.CreateUnbounded<HopRequest>(new UnboundedChannelOptions { SingleReader = true });
    private readonly HopRequest[] _requests;
    private readonly Task _reader;

    public ChannelHop(int callers)
    {
        _requests = [.. Enumerable.Range(0, callers).Select(_ => new HopRequest())];
        _reader = Task.Run(ReadAsync);
    }

    public ValueTask CallAsync(int caller, long value)
    {
        var request = _requests[caller];
        request.Reset((int)value);
        _channel.Writer.TryWrite(request);
        return new ValueTask(request, request.Version);
    }

    private async Task ReadAsync()
    {
        var reader = _channel.Reader;
        while (await reader.WaitToReadAsync())
        {
            while (reader.TryRead(out var request)) { request.Complete(); }
        }
    }

    public async ValueTask DisposeAsync()
    {
        _channel.Writer.Complete();
        await _reader;
    }

    private sealed class HopRequest : IValueTaskSource
    {
        private ManualResetValueTaskSourceCore<int> _core;
        private int _value;

        public short Version => _core.Version;

        public void Reset(int value)
        {
            _core.Reset();
            _value = value;
        }

        public void Complete() => _core.SetResult(_value + 1);

        public void GetResult(short token) => _core.GetResult(token);

        public ValueTaskSourceStatus GetStatus(short token) => _core.GetStatus(token);

        public void OnCompleted(Action<object?> continuation, object? state, short token, ValueTaskSourceOnCompletedFlags flags) =>
            _core.OnCompleted(continuation, state, token, flags);
    }
}
