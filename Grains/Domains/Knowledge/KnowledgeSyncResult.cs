namespace Rayswarm.Grains;

/// <summary>What one <see cref="IDomainKnowledgeGrain.Sync"/> did: contributions added, kept as they were, and retracted.</summary>
[GenerateSerializer, Immutable, Alias("rayswarm.KnowledgeSyncResult")]
internal sealed record KnowledgeSyncResult(int Added, int Kept, int Retracted);
