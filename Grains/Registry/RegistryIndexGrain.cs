using Rayswarm.Grains.Interfaces;

namespace Rayswarm.Grains;

/// <summary>One partition of the registry index; written only when a domain registers, unregisters or changes health.</summary>
[GrainType("registry-index")]
public sealed class RegistryIndexGrain([PersistentState("index", "Default")] IPersistentState<RegistryIndexState> state)
    : Grain, IRegistryIndexGrain
{
    public async Task Upsert(RegistryEntry entry)
    {
        ArgumentNullException.ThrowIfNull(entry);
        if (state.State.Entries.TryGetValue(entry.DomainId, out var existing) && Same(existing, entry)) { return; }
        state.State.Entries[entry.DomainId] = entry;
        await state.WriteStateAsync();
    }

    public async Task Remove(string domainId)
    {
        if (state.State.Entries.Remove(domainId)) { await state.WriteStateAsync(); }
    }

    public Task<IReadOnlyList<RegistryEntry>> Entries() =>
        Task.FromResult<IReadOnlyList<RegistryEntry>>([.. state.State.Entries.Values]);

    public Task<IReadOnlyList<string>> FindByAnyCapability(IReadOnlyList<string> capabilities)
    {
        ArgumentNullException.ThrowIfNull(capabilities);
        IReadOnlyList<string> ids = [.. state.State.Entries.Values
            .Where(e => e.Capabilities.Any(capabilities.Contains))
            .Select(e => e.DomainId)];
        return Task.FromResult(ids);
    }

    private static bool Same(RegistryEntry a, RegistryEntry b) =>
        a.Status == b.Status && a.Kind == b.Kind && a.GrainType == b.GrainType
        && a.Capabilities.SequenceEqual(b.Capabilities, StringComparer.Ordinal);
}
