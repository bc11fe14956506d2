namespace Rayswarm.Grains;

/// <summary>A domain's knowledge in the shared memory (keyed by the domain id): one contribution per file of its knowledge
/// folder. One activation per domain, so the silos of a cluster that all read the same folder take turns.</summary>
[Alias("rayswarm.IDomainKnowledgeGrain")]
internal interface IDomainKnowledgeGrain : IGrainWithStringKey
{
    /// <summary>Makes the domain's knowledge contributions the given documents: contributes those missing (under their
    /// derived ids, so never twice), keeps those unchanged, retracts those of changed or deleted files.</summary>
    Task<KnowledgeSyncResult> Sync(IReadOnlyList<KnowledgeDocument> documents);
}
