using Orleans.Runtime.Messaging;
using Orleans.Storage;

namespace Rayswarm.Grains.Interfaces;

/// <summary>
/// Tells infrastructure failures (retry later; the request's outcome may be unknown) from domain failures (the answer is
/// final). Infrastructure failures are a silo that is unavailable or rejected the call, a connection that failed or closed,
/// a call that timed out, a client or gateway that is busy or not connected, a host that is starting or stopping
/// (<see cref="ClusterUnavailableException"/>, Orleans' lifecycle cancellation), and a state write refused because a second
/// activation of the grain existed for a moment during a membership change (<see cref="InconsistentStateException"/>: the
/// write was not committed and that activation is gone). The gateway answers them with 503 and <c>Retry-After</c>; workflow
/// steps retry them without counting attempts. A domain that cannot be reached over HTTP is not one of them: that is
/// the domain's failure.
/// </summary>
public static class TransientFailures
{
    /// <summary>True when <paramref name="exception"/> (or the single exception it wraps) is an infrastructure failure.</summary>
    public static bool IsTransient(Exception exception) => exception switch
    {
        ClusterUnavailableException or SiloUnavailableException or OrleansMessageRejectionException => true,
        ConnectionFailedException or GatewayTooBusyException or ClientNotAvailableException => true,
        OrleansLifecycleCanceledException or TimeoutException => true,
        InconsistentStateException => true,
        AggregateException { InnerExceptions.Count: 1 } aggregate => IsTransient(aggregate.InnerExceptions[0]),
        _ => false,
    };
}
