using Rayswarm.Runtime.Abstractions;

namespace Rayswarm.Runtime.Core;

/// <summary>
/// A message between silos, or between a client and a silo. On the wire it is one frame: a header, then a body.
/// Outgoing: <see cref="Request"/> (for requests) or <see cref="Result"/> / <see cref="Error"/> (for responses) are
/// serialized. Incoming: requests are decoded into <see cref="Request"/>; a response's body stays raw in
/// <see cref="Body"/> because only the caller knows the result type.
/// </summary>
public sealed class Message
{
    /// <summary>What the message is.</summary>
    public MessageKind Kind { get; set; }

    /// <summary>Pairs a response (or pong, probe result) with its request; unique per sender.</summary>
    public long CorrelationId { get; set; }

    /// <summary>The grain a request is for.</summary>
    public GrainId TargetGrain { get; set; }

    /// <summary>The silo that sent the message; null for a client.</summary>
    public SiloAddress? SendingSilo { get; set; }

    /// <summary>The silo the sender meant to reach (requests), or the silo to probe (probe requests).</summary>
    public SiloAddress? TargetSilo { get; set; }

    /// <summary>When the caller stops waiting (Unix milliseconds); 0 for never. An expired request is not run.</summary>
    public long ExpiresAtUnixMs { get; set; }

    /// <summary>The turns waiting on this request, outermost first (for deadlock detection across silos).</summary>
    public IReadOnlyList<CallChainFrame> CallChain { get; set; } = [];

    /// <summary>W3C trace context of the caller, if any.</summary>
    public string? TraceParent { get; set; }

    /// <summary>How many times silos forwarded this request because their view of its location was stale.</summary>
    public int ForwardCount { get; set; }

    /// <summary>Responses: how the request ended. Probe results: Success if the target answered.</summary>
    public ResponseStatus Status { get; set; }

    /// <summary>Responses: the silo that now hosts the grain, when the caller addressed another (a cache correction).</summary>
    public SiloAddress? ActualSilo { get; set; }

    /// <summary>Pings and pongs: the sender's load, for load-aware placement.</summary>
    public SiloLoad? Load { get; set; }

    /// <summary>Outgoing and decoded incoming requests: the call.</summary>
    public Request? Request { get; set; }

    /// <summary>Outgoing successful responses: the result value (null for Task methods), of <see cref="ResultType"/>.</summary>
    public object? Result { get; set; }

    /// <summary>Outgoing successful responses: the declared result type (null for Task methods).</summary>
    public Type? ResultType { get; set; }

    /// <summary>Outgoing error or rejected responses: the exception.</summary>
    public Exception? Error { get; set; }

    /// <summary>Incoming responses: the raw body (result or exception), decoded by the caller.</summary>
    public ReadOnlyMemory<byte> Body { get; set; }

    /// <inheritdoc />
    public override string ToString() => $"{Kind} #{CorrelationId} {TargetGrain} {Request?.Method.DisplayName}";
}
