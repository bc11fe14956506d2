using Rayswarm.Grains.Interfaces;

namespace Rayswarm.Grains;

/// <summary>The registry's entry point. A stateless worker, so it is never a hot spot: per-domain calls go to the domain's
/// grain; registry-wide queries ask every index partition in parallel, then the domain grains of the result in parallel.</summary>
[StatelessWorker]
[GrainType("registry")]
public sealed class RegistryGrain : Grain, IRegistryGrain
{
    // The partitions' references, made once per activation: GetGrain reads the interface's attributes by reflection
    // on every call, and a registry-wide query asks all partitions.
    private IRegistryIndexGrain[]? _partitions;

    // Async although they only forward: a validation error faults the returned task instead of throwing synchronously.
    public async Task<DomainInfo> Register(DomainRegistration registration)
    {
        ArgumentNullException.ThrowIfNull(registration, "registration");
        DomainRegistration.ValidateDomainId(registration.DomainId);
        return await Domain(registration.DomainId).Register(registration);
    }

    public async Task<DomainInfo> RegisterHosted(HostedDomainRegistration registration)
    {
        ArgumentNullException.ThrowIfNull(registration, "registration");
        DomainRegistration.ValidateDomainId(registration.DomainId);
        return await Domain(registration.DomainId).RegisterHosted(registration);
    }

    public async Task<IReadOnlyList<RegistryEntry>> ListHosted() =>
        [.. (await AllEntriesAsync()).Where(e => e.Kind == DomainKinds.Hosted).OrderBy(e => e.DomainId, StringComparer.Ordinal)];

    public async Task<DomainInfo> Heartbeat(string domainId)
    {
        DomainRegistration.ValidateDomainId(domainId);
        return await Domain(domainId).Heartbeat();
    }

    public async Task<bool> Unregister(string domainId)
    {
        DomainRegistration.ValidateDomainId(domainId);
        var domain = Domain(domainId);
        if (await domain.GetSnapshot() is { Kind: DomainKinds.Hosted, Status: DomainStatus.Healthy })
        {
            throw new ConflictException(
                $"Domain '{domainId}' is hosted in the cluster and its silos would register it again: remove it from their configuration instead.");
        }
        return await domain.Unregister();
    }

    public async Task<DomainInfo?> Get(string domainId)
    {
        DomainRegistration.ValidateDomainId(domainId);
        return await Domain(domainId).Get();
    }

    public async Task<IReadOnlyList<DomainInfo>> List()
    {
        var entries = await AllEntriesAsync();
        return await DescribeAsync(entries, entries);
    }

    public async Task<IReadOnlyDictionary<string, IReadOnlyList<string>>> GetCapabilityMap()
    {
        var entries = await AllEntriesAsync();
        return CapabilityMap(entries).ToDictionary(
            p => p.Key,
            p => (IReadOnlyList<string>)[.. p.Value.Order(StringComparer.Ordinal)],
            StringComparer.Ordinal);
    }

    public async Task<IReadOnlyList<DomainInfo>> FindByCapability(string capability)
    {
        if (string.IsNullOrWhiteSpace(capability))
        {
            throw new ArgumentException("capability must be a non-empty string.", nameof(capability));
        }
        var entries = await AllEntriesAsync();
        return await DescribeAsync(entries, [.. entries.Where(e => e.Capabilities.Contains(capability))]);
    }

    public async Task<RegistryStats> GetStats()
    {
        var entries = await AllEntriesAsync();
        var healthy = entries.Count(e => e.Status == DomainStatus.Healthy);
        return new RegistryStats(entries.Count, healthy, entries.Count - healthy, CapabilityMap(entries).Count, RegistryPartitions.Count);
    }

    private IDomainGrain Domain(string domainId) => GrainFactory.GetGrain<IDomainGrain>(domainId);

    private async Task<IReadOnlyList<RegistryEntry>> AllEntriesAsync()
    {
        Caller.Clear(); // reads of the index: no role is needed
        _partitions ??= [.. Enumerable.Range(0, RegistryPartitions.Count)
            .Select(p => GrainFactory.GetGrain<IRegistryIndexGrain>(RegistryPartitions.Key(p)))];
        var partitions = await Task.WhenAll(_partitions.Select(p => p.Entries()));
        return [.. partitions.SelectMany(p => p)];
    }

    /// <summary>Reads the selected domains from their grains in parallel; peers come from the index entries already read,
    /// so describing N domains costs N calls, not N fan-outs. A domain that unregistered meanwhile is left out.</summary>
    private async Task<IReadOnlyList<DomainInfo>> DescribeAsync(IReadOnlyList<RegistryEntry> all, IReadOnlyList<RegistryEntry> selected)
    {
        Caller.Clear(); // snapshots: no role is needed
        var byCapability = CapabilityMap(all);
        var infos = await Task.WhenAll(selected.Select(e => Domain(e.DomainId).GetSnapshot()));
        return [.. infos.OfType<DomainInfo>()
            .Select(info => info with
            {
                Peers = [.. info.Capabilities
                    .SelectMany(c => byCapability.TryGetValue(c, out var ids) ? ids : [])
                    .Where(id => id != info.DomainId)
                    .Distinct()
                    .Order(StringComparer.Ordinal)],
            })
            .OrderBy(info => info.DomainId, StringComparer.Ordinal)];
    }

    private static Dictionary<string, List<string>> CapabilityMap(IReadOnlyList<RegistryEntry> entries)
    {
        var map = new Dictionary<string, List<string>>(StringComparer.Ordinal);
        foreach (var entry in entries)
        {
            foreach (var capability in entry.Capabilities)
            {
                if (!map.TryGetValue(capability, out var ids)) { map[capability] = ids = []; }
                ids.Add(entry.DomainId);
            }
        }
        return map;
    }
}
