namespace Rayswarm.Grains;

/// <summary>A hosted domain's knowledge folder (<see cref="DomainModule.KnowledgeFolder"/>), as a full path.</summary>
internal sealed record KnowledgeSource(string DomainId, string Folder);
