using System.Globalization;
using Orleans.Runtime.Messaging;
using Orleans.Storage;
using Rayswarm.Grains.Interfaces;

namespace Rayswarm.Gateway;

/// <summary>
/// What the gateway answers when the cluster cannot answer right now (<see cref="TransientFailures"/>), or when it stops
/// itself: over HTTP a 503 problem with <c>Retry-After</c>, over MCP a tool error that says to retry. The detail says what
/// happened in the client's terms; Orleans' own message (silo addresses, message ids) goes to the log only.
/// </summary>
internal static class ClusterUnavailability
{
    /// <summary>The <c>Retry-After</c> of every 503: about the time the cluster takes to declare a dead silo dead (docs/cluster.md).</summary>
    public const int RetryAfterSeconds = 2;

    public static readonly string RetryAfter = RetryAfterSeconds.ToString(CultureInfo.InvariantCulture);

    public const string Title = "The cluster cannot answer right now";

    public const string StoppingTitle = "The gateway is stopping";

    public static readonly string StoppingDetail =
        $"This gateway is shutting down and takes no new requests; send the request again (to another gateway) after {RetryAfterSeconds} s.";

    /// <summary>Why a transient failure happened and what to do, for a client.</summary>
    public static string Describe(Exception exception) => exception switch
    {
        AggregateException { InnerExceptions.Count: 1 } aggregate => Describe(aggregate.InnerExceptions[0]),
        TimeoutException => "The cluster did not answer in time (a silo may have died), "
            + $"so the request may or may not have been done. Retry after {RetryAfterSeconds} s; repeat a write only when it is "
            + "idempotent (a publish with the same event_id).",
        ClusterUnavailableException => $"{exception.Message} Retry after {RetryAfterSeconds} s.",
        SiloUnavailableException => $"The silo serving the request stopped or died. Retry after {RetryAfterSeconds} s.",
        OrleansMessageRejectionException => $"A silo refused the call without running it (it is stopping, or the grain moved). Retry after {RetryAfterSeconds} s.",
        ConnectionFailedException or GatewayTooBusyException or ClientNotAvailableException =>
            $"The gateway could not reach a silo of the cluster. Retry after {RetryAfterSeconds} s.",
        OrleansLifecycleCanceledException => $"A silo is starting or stopping. Retry after {RetryAfterSeconds} s.",
        InconsistentStateException => "Two activations of a grain existed for a moment (a silo joined or left), and this write was refused "
            + $"without being stored. Retry after {RetryAfterSeconds} s.",
        _ => $"The cluster cannot answer right now. Retry after {RetryAfterSeconds} s.",
    };
}
