using System.Text.Json;
using Microsoft.Extensions.DependencyInjection;
using Rayswarm.Grains.Interfaces;

namespace Rayswarm.Grains;

/// <summary>Keeps a domain's knowledge contributions equal to its knowledge folder (<see cref="IDomainKnowledgeGrain"/>);
/// remembers which contribution each file has in its state, so a changed or deleted file's old one is retracted (before the
/// new one is added, so the two are never both there).</summary>
[GrainType("domain-knowledge")]
internal sealed class DomainKnowledgeGrain(
    [PersistentState("knowledge", "Default")] IPersistentState<DomainKnowledgeState> state,
    IKnowledgeStore? store = null,
    [FromKeyedServices(DomainClock.Key)] TimeProvider? time = null) : Grain, IDomainKnowledgeGrain
{
    private readonly IKnowledgeStore _store = store ?? UnconfiguredKnowledgeStore.Instance;
    private readonly TimeProvider _time = time ?? TimeProvider.System;

    public async Task<KnowledgeSyncResult> Sync(IReadOnlyList<KnowledgeDocument> documents)
    {
        var domainId = this.GetPrimaryKeyString();
        var (added, kept, retracted) = (0, 0, 0);
        // Retract first: a changed file's old and new contributions are never both there.
        var wantedIds = documents.Select(d => d.ContributionId).ToHashSet(StringComparer.Ordinal);
        foreach (var old in state.State.Contributions.Values.Where(id => !wantedIds.Contains(id)).Distinct(StringComparer.Ordinal))
        {
            if (await GrainFactory.GetGrain<IContributionGrain>(old).Retract()) { retracted++; }
        }
        // Then remember the new set before adding to it: a load cut short leaves nothing that a later one would not retract.
        var wanted = documents.DistinctBy(d => d.Path).ToDictionary(d => d.Path, d => d.ContributionId, StringComparer.Ordinal);
        if (!wanted.OrderBy(p => p.Key, StringComparer.Ordinal).SequenceEqual(state.State.Contributions.OrderBy(p => p.Key, StringComparer.Ordinal)))
        {
            state.State = new DomainKnowledgeState { Contributions = wanted };
            await state.WriteStateAsync();
        }
        foreach (var document in documents)
        {
            if (await _store.GetAsync(document.ContributionId) is not null)
            {
                kept++;
                continue;
            }
            var content = JsonSerializer.SerializeToElement(new Dictionary<string, object>
            {
                ["title"] = document.Title,
                ["path"] = document.Path,
                ["text"] = document.Text,
                ["sha256"] = document.Sha256,
                ["truncated"] = document.Truncated,
            });
            var request = new ContributeRequest(domainId, KnowledgeFolder.ContributionType, content);
            request.Validate();
            await SharedMemoryGrain.ContributeAsync(this, _store, _time, request, document.ContributionId, idempotent: true);
            added++;
        }
        return new KnowledgeSyncResult(added, kept, retracted);
    }
}
