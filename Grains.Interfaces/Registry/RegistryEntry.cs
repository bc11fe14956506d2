namespace Rayswarm.Grains.Interfaces;

/// <summary>What an index partition keeps of one domain: enough to answer list, capability and stats queries.</summary>
/// <param name="DomainId">The domain's id.</param>
/// <param name="Capabilities">Its capabilities.</param>
/// <param name="Status">Its health (<see cref="DomainStatus"/>).</param>
/// <param name="Kind">How it is reached (<see cref="DomainKinds"/>).</param>
/// <param name="GrainType">For a hosted domain, the grain type of its worker grain; null otherwise.</param>
[GenerateSerializer, Immutable, Alias("rayswarm.RegistryEntry")]
public sealed record RegistryEntry(
    string DomainId,
    IReadOnlyList<string> Capabilities,
    string Status,
    string Kind = DomainKinds.Endpoint,
    string? GrainType = null);
