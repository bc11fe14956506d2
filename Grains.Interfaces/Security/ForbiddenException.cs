namespace Rayswarm.Grains.Interfaces;

/// <summary>The caller's principal lacks the role the request needs (an approval for <c>expert:code</c>, a verification
/// as a domain it may not act for). The gateway answers it with 403.</summary>
[GenerateSerializer, Alias("rayswarm.ForbiddenException")]
public sealed class ForbiddenException : Exception
{
    /// <summary>Creates the exception with a message that says which role is missing.</summary>
    public ForbiddenException(string message) : base(message) { }

    /// <summary>Creates the exception with a message and the exception that caused it.</summary>
    public ForbiddenException(string message, Exception? innerException) : base(message, innerException) { }
}
