namespace Rayswarm.Grains.Interfaces;

/// <summary>One health check.</summary>
/// <param name="Name">What was checked ("grain_calls", "storage").</param>
/// <param name="Healthy">Whether it passed.</param>
/// <param name="Detail">Why it failed, or what it measured.</param>
[GenerateSerializer, Immutable, Alias("rayswarm.HealthCheck")]
public sealed record HealthCheck(string Name, bool Healthy, string? Detail);
