namespace Rayswarm.Runtime.Abstractions;

/// <summary>The silo that would serve the call is stopping or stopped.</summary>
public sealed class SiloUnavailableException(string message) : Exception(message);
