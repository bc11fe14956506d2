using Rayswarm.Runtime.Abstractions;

namespace Rayswarm.Runtime.Core;

/// <summary>
/// A request that arrived from another silo or a client. It runs like a local call; its result goes back as a
/// response on the connection it came from. If the grain lives elsewhere, the request is relayed there and the
/// response relayed back.
/// </summary>
internal sealed class RemoteRequestTurn(Message inbound, IReplyChannel reply, ClusterRouter router) : Turn(caller: null), IPendingCall
{
    private const int MaxForwards = 3;
    private int _answered;

    public Message Inbound => inbound;

    public override bool IsReadOnly => inbound.Request!.Method.IsReadOnly;

    public override bool IsAlwaysInterleave => inbound.Request!.Method.IsAlwaysInterleave;

    public override bool IsAbandoned =>
        inbound.ExpiresAtUnixMs != 0 && inbound.ExpiresAtUnixMs < router.Runtime.TimeProvider.GetUtcNow().ToUnixTimeMilliseconds();

    public override IReadOnlyList<CallChainFrame> RemoteChain => inbound.CallChain;

    public override Task Start(Activation activation) => inbound.Request!.Invoke(activation.Grain!);

    public override void Finish(Task task)
    {
        var response = NewResponse();
        if (task.IsCompletedSuccessfully)
        {
            response.Status = ResponseStatus.Success;
            response.Result = inbound.Request!.GetResult(task);
            response.ResultType = inbound.Request!.Method.ResultType;
        }
        else
        {
            response.Status = ResponseStatus.Error;
            response.Error = task.IsCanceled ? new TaskCanceledException() : task.Exception!.InnerException;
        }
        Answer(response);
    }

    public override void Reject(Exception exception)
    {
        var response = NewResponse();
        // Rejected tells the caller the request never ran here nor was handed on, so it may safely try again.
        response.Status = exception is SiloUnavailableException && _relayTarget is null ? ResponseStatus.Rejected : ResponseStatus.Error;
        response.Error = exception;
        Answer(response);
    }

    public override void Forward() => router.Runtime.DispatchRemote(inbound.TargetGrain, this);

    /// <summary>Relays the request to the silo that hosts the grain; its response is relayed back as it is.</summary>
    public override async ValueTask SendToAsync(SiloAddress target, ClusterRouter via)
    {
        if (inbound.ForwardCount >= MaxForwards)
        {
            Reject(new SiloUnavailableException($"{inbound.TargetGrain} was forwarded {MaxForwards} times without reaching its activation."));
            return;
        }
        var relayed = new Message
        {
            Kind = MessageKind.Request,
            CorrelationId = via.NextCorrelationId(),
            TargetGrain = inbound.TargetGrain,
            SendingSilo = via.Local,
            TargetSilo = target,
            ExpiresAtUnixMs = inbound.ExpiresAtUnixMs,
            CallChain = inbound.CallChain,
            TraceParent = inbound.TraceParent,
            ForwardCount = inbound.ForwardCount + 1,
            Request = inbound.Request,
        };
        _relayTarget = target;
        await via.SendRequestAsync(target, relayed, this);
    }

    private SiloAddress? _relayTarget;

    SiloAddress IPendingCall.Target => _relayTarget!;

    void IPendingCall.OnResponse(Message response)
    {
        if (response.Status == ResponseStatus.Rejected && _resends < 5)
        {
            // The silo it was relayed to refused it unrun (shutting down): route it again, elsewhere.
            _resends++;
            if (response.SendingSilo is { } refusing) { router.Avoid(refusing); }
            router.Forget(inbound.TargetGrain);
            _relayTarget = null;
            Forward();
            return;
        }
        Answer(new Message
        {
            Kind = MessageKind.Response,
            CorrelationId = inbound.CorrelationId,
            TargetGrain = inbound.TargetGrain,
            SendingSilo = router.Local,
            Status = response.Status,
            ActualSilo = response.ActualSilo ?? _relayTarget,
            Body = response.Body,
        });
    }

    void IPendingCall.OnTargetLost(Exception reason) => Reject(reason);

    void IPendingCall.OnNotSent(Exception reason)
    {
        // The relay never left this silo: route the request again while attempts remain.
        _relayTarget = null;
        if (++_resends < 5) { Forward(); }
        else { Reject(reason); }
    }

    private int _resends;

    private Message NewResponse() => new()
    {
        Kind = MessageKind.Response,
        CorrelationId = inbound.CorrelationId,
        TargetGrain = inbound.TargetGrain,
        SendingSilo = router.Local,
        ActualSilo = inbound.TargetSilo != router.Local ? router.Local : null, // teaches the caller where the grain lives
    };

    private void Answer(Message response)
    {
        if (Interlocked.Exchange(ref _answered, 1) == 0) { reply.Reply(response); }
    }
}
