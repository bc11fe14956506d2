
namespace Rayswarm.Grains.Interfaces;

/// <summary>One partition of the registry's index (key <see cref="RegistryPartitions.Key"/>): the ids, capabilities and
/// health of the domains that hash to it. Queries over the registry ask every partition in parallel and merge.</summary>
[Alias("rayswarm.IRegistryIndexGrain")]
public interface IRegistryIndexGrain : IGrainWithStringKey
{
    /// <summary>Adds or replaces a domain's entry.</summary>
    Task Upsert(RegistryEntry entry);

    /// <summary>Removes a domain's entry.</summary>
    Task Remove(string domainId);

    /// <summary>Every entry of this partition.</summary>
    [ReadOnly]
    Task<IReadOnlyList<RegistryEntry>> Entries();

    /// <summary>The ids of this partition's domains that offer at least one of <paramref name="capabilities"/>.</summary>
    [ReadOnly]
    Task<IReadOnlyList<string>> FindByAnyCapability(IReadOnlyList<string> capabilities);
}
