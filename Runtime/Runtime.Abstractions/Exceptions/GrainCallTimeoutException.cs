namespace Rayswarm.Runtime.Abstractions;

/// <summary>A grain call did not complete within its response timeout. A late response is dropped.</summary>
public sealed class GrainCallTimeoutException(string message) : TimeoutException(message);
