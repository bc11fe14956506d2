namespace Rayswarm.Grains.Interfaces;

/// <summary>The request is valid but clashes with the current state (a workflow that already ran, a domain verifying its
/// own contribution). The gateway answers it with 409.</summary>
[GenerateSerializer, Alias("rayswarm.ConflictException")]
public sealed class ConflictException : Exception
{
    /// <summary>Creates the exception with a message that says what clashed.</summary>
    public ConflictException(string message) : base(message) { }

    /// <summary>Creates the exception with a message and the exception that caused it.</summary>
    public ConflictException(string message, Exception? innerException) : base(message, innerException) { }
}
