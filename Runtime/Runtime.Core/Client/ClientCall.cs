using Rayswarm.Runtime.Abstractions;

namespace Rayswarm.Runtime.Core;

/// <summary>One call from a cluster client: a promise with a response timeout, completed by the silo's response.</summary>
internal sealed class ClientCall<T>(ClusterClient client, GrainId grain, Request request) : IPendingCall
{
    private readonly TaskCompletionSource<T> _promise = new(TaskCreationOptions.RunContinuationsAsynchronously);
    private ITimer? _timer;

    public GrainId Grain { get; } = grain;

    public Request Request { get; } = request;

    public long CorrelationId { get; set; }

    public SiloAddress Target { get; set; } = null!;

    public int Attempts { get; set; }

    public Task<T> Task => _promise.Task;

    public bool IsDone => _promise.Task.IsCompleted;

    public void StartTimer(TimeSpan timeout, TimeProvider time)
    {
        if (timeout == Timeout.InfiniteTimeSpan) { return; }
        _timer = time.CreateTimer(static s => ((ClientCall<T>)s!).OnTimeout(), this, timeout, Timeout.InfiniteTimeSpan);
    }

    public void OnResponse(Message response) => client.OnResponse(this, response);

    public void OnTargetLost(Exception reason) => Fail(reason);

    public void Succeed(T value)
    {
        _timer?.Dispose();
        _promise.TrySetResult(value);
    }

    public void Fail(Exception error)
    {
        _timer?.Dispose();
        _promise.TrySetException(error);
    }

    private void OnTimeout()
    {
        client.Abandon(this);
        _promise.TrySetException(new GrainCallTimeoutException($"{Request.Method.DisplayName} on grain {Grain} did not respond in time."));
    }
}
