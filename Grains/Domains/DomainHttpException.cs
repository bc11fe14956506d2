namespace Rayswarm.Grains;

/// <summary>A domain's endpoint could not be reached, timed out or answered with an error status.</summary>
public sealed class DomainHttpException : Exception
{
    /// <summary>Creates the exception with a message naming the endpoint and what went wrong.</summary>
    public DomainHttpException(string message) : base(message) { }

    /// <summary>Creates the exception with a message and its cause.</summary>
    public DomainHttpException(string message, Exception? innerException) : base(message, innerException) { }
}
