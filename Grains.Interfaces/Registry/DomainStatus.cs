namespace Rayswarm.Grains.Interfaces;

/// <summary>The health values of <see cref="DomainInfo.Status"/>.</summary>
public static class DomainStatus
{
    /// <summary>The domain sent a heartbeat recently enough.</summary>
    public const string Healthy = "healthy";

    /// <summary>The domain missed its heartbeat for the configured number of intervals.</summary>
    public const string Unhealthy = "unhealthy";
}
