namespace Rayswarm.Grains;

/// <summary>One Markdown file of a knowledge folder as the shared memory keeps it (<see cref="KnowledgeFolder"/>).</summary>
/// <param name="Path">Its path in the folder, with '/' separators (e.g. <c>csharp/async.md</c>).</param>
/// <param name="Title">Its first <c># heading</c>, else its file name without extension.</param>
/// <param name="Text">Its text (at most <see cref="KnowledgeFolder.MaxTextLength"/> characters).</param>
/// <param name="Sha256">The SHA-256 of its bytes, in hex.</param>
/// <param name="ContributionId">Its contribution's id, derived from the domain, the path and <paramref name="Sha256"/>.</param>
/// <param name="Truncated">Whether <paramref name="Text"/> is only the start of a longer file.</param>
[GenerateSerializer, Immutable, Alias("rayswarm.KnowledgeDocument")]
internal sealed record KnowledgeDocument(string Path, string Title, string Text, string Sha256, string ContributionId, bool Truncated);
