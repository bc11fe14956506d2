namespace Rayswarm.Runtime.Core;

/// <summary>A request sent to another silo, waiting for its response.</summary>
internal interface IPendingCall
{
    /// <summary>The silo it was sent to.</summary>
    SiloAddress Target { get; }

    /// <summary>The response arrived.</summary>
    void OnResponse(Message response);

    /// <summary>The target died or the connection broke before a response: the call may or may not have run.</summary>
    void OnTargetLost(Exception reason);

    /// <summary>The request could not even be sent (the target is unreachable): it did not run, so it may go elsewhere.</summary>
    void OnNotSent(Exception reason) => OnTargetLost(reason);
}
