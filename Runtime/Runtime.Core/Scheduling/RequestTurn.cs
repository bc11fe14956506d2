using Rayswarm.Runtime.Abstractions;

namespace Rayswarm.Runtime.Core;

/// <summary>
/// A grain call. When it runs inline and the grain's task completes synchronously, the caller gets the grain's own
/// task (no promise, no timer). Otherwise a promise with a response timeout is created; a response that arrives
/// after the timeout is dropped.
/// </summary>
internal sealed class RequestTurn<T> : Turn
{
    private readonly Request _request;
    private readonly SiloRuntime _runtime;
    private readonly GrainId _target;
    private TaskCompletionSource<T>? _promise;
    private ITimer? _timeout;
    private Task? _inlineResult;
    private volatile bool _abandoned;

    public RequestTurn(Request request, GrainId target, Turn? caller, SiloRuntime runtime) : base(caller)
    {
        _request = request;
        _target = target;
        _runtime = runtime;
        CallerAllowsReentry = caller?.AllowsChainReentrancy ?? false;
    }

    public override bool IsReadOnly => _request.Method.IsReadOnly;

    public override bool IsAlwaysInterleave => _request.Method.IsAlwaysInterleave;

    public override bool IsAbandoned => _abandoned;

    public GrainId Target => _target;

    /// <summary>What the caller awaits: the grain's task when it ran inline to completion, else the promise.</summary>
    public Task ResultTask => _inlineResult ?? _promise?.Task ?? throw new InvalidOperationException("The request was neither run nor queued.");

    public override Task Start(Activation activation) => _request.Invoke(activation.Grain!);

    public override void Forward() => _runtime.Dispatch(_target, this);

    public override void OnQueued() => EnsurePromise();

    public override void OnPending() => EnsurePromise();

    public override void Finish(Task task)
    {
        var promise = _promise;
        if (promise is null)
        {
            _inlineResult = task;
            return;
        }
        _timeout?.Dispose();
        if (task.IsCompletedSuccessfully) { promise.TrySetResult(task is Task<T> typed ? typed.Result : default!); }
        else if (task.IsCanceled) { promise.TrySetCanceled(); }
        else { promise.TrySetException(task.Exception!.InnerExceptions); }
    }

    public override void Reject(Exception exception)
    {
        var promise = _promise;
        if (promise is null) { _inlineResult = Task.FromException<T>(exception); }
        else
        {
            _timeout?.Dispose();
            promise.TrySetException(exception);
        }
    }

    private void EnsurePromise()
    {
        if (_promise is not null) { return; }
        _promise = new TaskCompletionSource<T>(TaskCreationOptions.RunContinuationsAsynchronously);
        var timeout = _request.Method.ResponseTimeout ?? _runtime.ResponseTimeout;
        if (timeout != Timeout.InfiniteTimeSpan)
        {
            _timeout = _runtime.TimeProvider.CreateTimer(static s => ((RequestTurn<T>)s!).OnTimeout(), this, timeout, Timeout.InfiniteTimeSpan);
        }
    }

    private void OnTimeout()
    {
        _abandoned = true;
        var timeout = _request.Method.ResponseTimeout ?? _runtime.ResponseTimeout;
        _promise!.TrySetException(new GrainCallTimeoutException(
            $"{_request.Method.DisplayName} on grain {_target} did not respond within {timeout}."));
    }
}
