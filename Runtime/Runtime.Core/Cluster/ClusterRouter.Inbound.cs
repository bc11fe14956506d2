namespace Rayswarm.Runtime.Core;

/// <summary>Messages from other silos and clients.</summary>
internal sealed partial class ClusterRouter
{
    /// <summary>How long a silo relaying an indirect probe waits for the target.</summary>
    public TimeSpan RelayedProbeTimeout { get; set; } = TimeSpan.FromSeconds(1);

    /// <summary>Handles one incoming message. Runs on the connection's reader: never blocks.</summary>
    public void OnMessage(Message message, IReplyChannel reply)
    {
        switch (message.Kind)
        {
            case MessageKind.Request:
                OnRequest(message, reply);
                break;
            case MessageKind.Response:
                if (_pending.TryRemove(message.CorrelationId, out var pending))
                {
                    if (message.ActualSilo is { } actual) { Learn(new GrainAddress(message.TargetGrain, actual, 0)); }
                    pending.OnResponse(message);
                }
                break;
            case MessageKind.Ping:
                if (message.SendingSilo is { } pinger && message.Load is { } theirs) { ReportLoad(pinger, theirs); }
                reply.Reply(new Message { Kind = MessageKind.Pong, CorrelationId = message.CorrelationId, SendingSilo = Local, Load = _runtime.LocalLoad() });
                break;
            case MessageKind.Pong:
                if (message.SendingSilo is { } ponger && message.Load is { } load) { ReportLoad(ponger, load); }
                if (_pending.TryRemove(message.CorrelationId, out var pong)) { pong.OnResponse(message); }
                break;
            case MessageKind.ProbeResult:
                if (_pending.TryRemove(message.CorrelationId, out var probe)) { probe.OnResponse(message); }
                break;
            case MessageKind.ProbeRequest:
                _ = RelayProbeAsync(message, reply);
                break;
            default:
                break;
        }
    }

    /// <summary>A message could not be encoded: fail its call, or answer the caller with the encoding error.</summary>
    public void OnSendFailed(Message message, Exception error, IReplyChannel reply)
    {
        if (message.Kind == MessageKind.Request && _pending.TryRemove(message.CorrelationId, out var pending))
        {
            pending.OnTargetLost(new InvalidOperationException($"The call to {message.TargetGrain} could not be sent: {error.Message}", error));
        }
        else if (message.Kind == MessageKind.Response && message.Status == ResponseStatus.Success)
        {
            reply.Reply(new Message
            {
                Kind = MessageKind.Response, CorrelationId = message.CorrelationId, TargetGrain = message.TargetGrain, SendingSilo = Local,
                Status = ResponseStatus.Error, Error = new InvalidOperationException($"The result of the call to {message.TargetGrain} could not be sent: {error.Message}"),
            });
        }
    }

    private long _lastRequestTicks;

    /// <summary>Waits until no request arrived for <paramref name="quiet"/> and none is pending, or <paramref name="max"/> passed
    /// (graceful shutdown: the peers have learned the silo left and stopped sending).</summary>
    public async Task WaitQuietAsync(TimeSpan quiet, TimeSpan max)
    {
        var deadline = Environment.TickCount64 + (long)max.TotalMilliseconds;
        while (Environment.TickCount64 < deadline
            && (Environment.TickCount64 - Volatile.Read(ref _lastRequestTicks) < quiet.TotalMilliseconds || !_pending.IsEmpty))
        {
            await Task.Delay(50);
        }
    }

    private void OnRequest(Message message, IReplyChannel reply)
    {
        Volatile.Write(ref _lastRequestTicks, Environment.TickCount64);
        if (message.ExpiresAtUnixMs != 0 && message.ExpiresAtUnixMs < _runtime.TimeProvider.GetUtcNow().ToUnixTimeMilliseconds())
        {
            return; // the caller has given up already
        }
        var turn = new RemoteRequestTurn(message, reply, this);
        _runtime.DispatchRemote(message.TargetGrain, turn);
    }

    private async Task RelayProbeAsync(Message message, IReplyChannel reply)
    {
        var ok = message.TargetSilo is { } target && await ProbeAsync(target, RelayedProbeTimeout);
        reply.Reply(new Message { Kind = MessageKind.ProbeResult, CorrelationId = message.CorrelationId, SendingSilo = Local, Status = ok ? ResponseStatus.Success : ResponseStatus.Error });
    }

    /// <summary>Pings a silo; true if it answered in time.</summary>
    public async Task<bool> ProbeAsync(SiloAddress target, TimeSpan timeout)
    {
        var probe = new ProbeCall(target);
        var message = new Message { Kind = MessageKind.Ping, CorrelationId = NextCorrelationId(), SendingSilo = Local, TargetSilo = target, Load = _runtime.LocalLoad() };
        await SendRequestAsync(target, message, probe);
        try { return await probe.Task.WaitAsync(timeout, _runtime.TimeProvider); }
        catch (TimeoutException) { return false; }
        finally { CancelPending(message.CorrelationId); }
    }

    /// <summary>Asks <paramref name="via"/> to ping <paramref name="target"/>.</summary>
    public async Task<bool> ProbeIndirectlyAsync(SiloAddress via, SiloAddress target, TimeSpan timeout)
    {
        var probe = new ProbeCall(via);
        var message = new Message
        {
            Kind = MessageKind.ProbeRequest, CorrelationId = NextCorrelationId(), SendingSilo = Local, TargetSilo = target,
        };
        await SendRequestAsync(via, message, probe);
        try { return await probe.Task.WaitAsync(timeout, _runtime.TimeProvider); }
        catch (TimeoutException) { return false; }
        finally { CancelPending(message.CorrelationId); }
    }

    private sealed class ProbeCall(SiloAddress target) : IPendingCall
    {
        private readonly TaskCompletionSource<bool> _result = new(TaskCreationOptions.RunContinuationsAsynchronously);

        public SiloAddress Target { get; } = target;

        public Task<bool> Task => _result.Task;

        public void OnResponse(Message response) => _result.TrySetResult(response.Kind == MessageKind.Pong || response.Status == ResponseStatus.Success);

        public void OnTargetLost(Exception reason) => _result.TrySetResult(false);
    }
}
