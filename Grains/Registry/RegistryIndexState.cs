using Rayswarm.Grains.Interfaces;

namespace Rayswarm.Grains;

/// <summary>The durable entries of one index partition, by domain id.</summary>
public sealed record RegistryIndexState
{
    public Dictionary<string, RegistryEntry> Entries { get; init; } = new(StringComparer.Ordinal);
}
