using System.Text.Json.Serialization;

namespace Rayswarm.Grains.Interfaces;

/// <summary>The outcome of a health check: healthy only if every check passed.</summary>
/// <param name="Status">"healthy" or "unhealthy".</param>
/// <param name="Checks">Each check with its outcome.</param>
/// <param name="CheckedAt">When the checks ran.</param>
[GenerateSerializer, Immutable, Alias("rayswarm.HealthReport")]
public sealed record HealthReport(string Status, IReadOnlyList<HealthCheck> Checks, DateTimeOffset CheckedAt)
{
    /// <summary>Whether every check passed.</summary>
    [JsonIgnore]
    public bool IsHealthy => Status == "healthy";
}
