namespace Rayswarm.Grains.Interfaces;

/// <summary>The cluster could not do the work right now (a silo starting or stopping, a service it needs not running yet),
/// and nothing was committed: the same request may succeed when retried. Grains throw it where they meet such a state;
/// the gateway answers it with 503 and <c>Retry-After</c>. See <see cref="TransientFailures"/>.</summary>
[GenerateSerializer, Alias("rayswarm.ClusterUnavailableException")]
public sealed class ClusterUnavailableException : Exception
{
    /// <summary>Creates the exception with a message that says what was unavailable.</summary>
    public ClusterUnavailableException(string message) : base(message) { }

    /// <summary>Creates the exception with a message and the exception that caused it.</summary>
    public ClusterUnavailableException(string message, Exception? innerException) : base(message, innerException) { }
}
