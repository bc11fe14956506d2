namespace Rayswarm.Runtime.Core;

/// <summary>Tags of the optional header fields (see <see cref="MessageHeader"/>). Never reuse a number.</summary>
internal enum HeaderField : uint
{
    /// <summary>Ends the header.</summary>
    End = 0,
    TargetGrain = 1,
    SendingSilo = 2,
    TargetSilo = 3,
    ExpiresAtUnixMs = 4,
    CallChain = 5,
    TraceParent = 6,
    ForwardCount = 7,
    Status = 8,
    ActualSilo = 9,
    Load = 10,
}
