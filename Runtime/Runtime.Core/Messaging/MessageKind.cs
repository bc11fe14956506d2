namespace Rayswarm.Runtime.Core;

/// <summary>What a message is.</summary>
public enum MessageKind : byte
{
    /// <summary>A grain call; <see cref="Message.Request"/> holds it.</summary>
    Request = 1,
    /// <summary>The answer to a request with the same correlation id.</summary>
    Response = 2,
    /// <summary>A membership probe; answered by <see cref="Pong"/>.</summary>
    Ping = 3,
    /// <summary>The answer to a ping.</summary>
    Pong = 4,
    /// <summary>Asks the receiver to ping <see cref="Message.TargetSilo"/> and report (indirect probe).</summary>
    ProbeRequest = 5,
    /// <summary>The result of an indirect probe: <see cref="Message.Status"/> is Success if the target answered.</summary>
    ProbeResult = 6,
}
