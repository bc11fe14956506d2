namespace Rayswarm.Grains.Interfaces;

/// <summary>Counts over the whole registry.</summary>
/// <param name="TotalDomains">Registered domains.</param>
/// <param name="Healthy">Of those, the healthy ones.</param>
/// <param name="Unhealthy">Of those, the unhealthy ones.</param>
/// <param name="Capabilities">Distinct capabilities offered by at least one domain.</param>
/// <param name="Partitions">Index partitions the registry is spread over.</param>
[GenerateSerializer, Immutable, Alias("rayswarm.RegistryStats")]
public sealed record RegistryStats(int TotalDomains, int Healthy, int Unhealthy, int Capabilities, int Partitions);
