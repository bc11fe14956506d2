using Rayswarm.Runtime.Abstractions;

namespace Rayswarm.Runtime.Core;

/// <summary>
/// A grain call. When it runs inline and the grain's task completes synchronously, the caller gets the grain's own
/// task (no promise, no timer). Otherwise a promise with a response timeout is created; a response that arrives
/// after the timeout is dropped.
/// </summary>
internal sealed class RequestTurn<T> : Turn, IPendingCall
{
    private readonly Request _request;
    private readonly SiloRuntime _runtime;
    private readonly GrainId _target;
    private TaskCompletionSource<T>? _promise;
    private ITimer? _timeout;
    private Task? _inlineResult;
    private volatile bool _abandoned;
    private ClusterRouter? _router;
    private long _correlationId;
    private int _rejections;

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

    public GrainId TargetGrain => _target;

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
            // A method that threw before returning its task gives a plain faulted Task: re-type it for Task<T> callers.
            _inlineResult = task is Task<T> || !task.IsFaulted ? task : Task.FromException<T>(task.Exception!.InnerException!);
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

    /// <summary>Sends this call to the silo that hosts (or will host) the grain.</summary>
    public override ValueTask SendToAsync(SiloAddress target, ClusterRouter router)
    {
        EnsurePromise();
        _router = router;
        _correlationId = router.NextCorrelationId();
        _targetSilo = target;
        var timeout = _request.Method.ResponseTimeout ?? _runtime.ResponseTimeout;
        var message = new Message
        {
            Kind = MessageKind.Request,
            CorrelationId = _correlationId,
            TargetGrain = _target,
            SendingSilo = router.Local,
            TargetSilo = target,
            ExpiresAtUnixMs = timeout == Timeout.InfiniteTimeSpan ? 0 : _runtime.TimeProvider.GetUtcNow().Add(timeout).ToUnixTimeMilliseconds(),
            CallChain = Caller?.ChainForCall(CallerAllowsReentry) ?? [],
            TraceParent = System.Diagnostics.Activity.Current?.Id,
            Request = _request,
        };
        return router.SendRequestAsync(target, message, this);
    }

    private SiloAddress? _targetSilo;

    SiloAddress IPendingCall.Target => _targetSilo!;

    void IPendingCall.OnResponse(Message response)
    {
        var promise = _promise!;
        var reader = (IResultReader)_router!.Codec;
        try
        {
            if (response.Status == ResponseStatus.Rejected && ++_rejections < 5 && !_abandoned)
            {
                // The silo refused it before running it (shutting down, nowhere to route): safe to route again.
                _router.Forget(_target);
                if (response.SendingSilo is { } refusing) { _router.Avoid(refusing); }
                _runtime.Dispatch(_target, this);
                return;
            }
            _timeout?.Dispose();
            if (response.Status == ResponseStatus.Success)
            {
                promise.TrySetResult(_request.Method.ResultType is null ? default! : reader.ReadResult<T>(response.Body));
            }
            else { promise.TrySetException(reader.ReadError(response.Body)); }
        }
        catch (Exception e)
        {
            promise.TrySetException(e);
        }
    }

    void IPendingCall.OnTargetLost(Exception reason) => Reject(reason);

    void IPendingCall.OnNotSent(Exception reason)
    {
        // It never left this silo: route it again (elsewhere) while attempts and time remain.
        if (++_rejections < 5 && !_abandoned) { _runtime.Dispatch(_target, this); }
        else { Reject(reason); }
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
        _router?.CancelPending(_correlationId);
        var timeout = _request.Method.ResponseTimeout ?? _runtime.ResponseTimeout;
        _promise!.TrySetException(new GrainCallTimeoutException(
            $"{_request.Method.DisplayName} on grain {_target} did not respond within {timeout}."));
    }
}
