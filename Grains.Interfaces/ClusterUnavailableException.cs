namespace Rayswarm.Grains.Interfaces;

/// <summary>The cluster could not do the work right now (a silo starting or stopping, a service it needs not running yet): the
/// step that met this state did nothing, and the same request may succeed when retried. A request that stores something and
/// then announces it on the bus (contribute, verify, apply, register) may have stored it before the announcement failed, so
/// such requests are retried idempotently. Grains throw it where they meet such a state; the gateway answers it with 503
/// and <c>Retry-After</c>. See <see cref="TransientFailures"/>.</summary>
[GenerateSerializer, Alias("rayswarm.ClusterUnavailableException")]
public sealed class ClusterUnavailableException : Exception
{
    /// <summary>Creates the exception with a message that says what was unavailable.</summary>
    public ClusterUnavailableException(string message) : base(message) { }

    /// <summary>Creates the exception with a message and the exception that caused it.</summary>
    public ClusterUnavailableException(string message, Exception? innerException) : base(message, innerException) { }
}
