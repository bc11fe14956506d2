using Rayswarm.Grains.Interfaces;

namespace Rayswarm.Gateway;

/// <summary>Domains as a tool result (structured content must be a JSON object, not an array).</summary>
/// <param name="Domains">The domains, sorted by id.</param>
public sealed record DomainList(IReadOnlyList<DomainInfo> Domains);

/// <summary>The capability map as a tool result.</summary>
/// <param name="Capabilities">Each capability with the ids of the domains offering it, both sorted.</param>
public sealed record CapabilityMap(IReadOnlyDictionary<string, IReadOnlyList<string>> Capabilities);
