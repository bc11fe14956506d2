namespace Rayswarm.Grains.Interfaces;

/// <summary>The answer to a <see cref="MemoryQuery"/>: the best matches first.</summary>
/// <param name="Query">The query text as given.</param>
/// <param name="Count">How many results there are.</param>
/// <param name="Results">The matches, by descending score, then newest first.</param>
[GenerateSerializer, Immutable, Alias("rayswarm.MemoryQueryResult")]
public sealed record MemoryQueryResult(string Query, int Count, IReadOnlyList<MemoryMatch> Results);
