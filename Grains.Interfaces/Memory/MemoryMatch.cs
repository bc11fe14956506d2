namespace Rayswarm.Grains.Interfaces;

/// <summary>One contribution found by a query, with why it ranks where it does.</summary>
/// <param name="Contribution">The contribution.</param>
/// <param name="Relevance">How well its text matches, in (0, 1]: the database's rank (SQLite: −bm25; PostgreSQL: ts_rank)
/// over the best rank among all matches of the query, so the best textual match has 1; 1 for a query without words.</param>
/// <param name="Score">What results are sorted by: relevance × confidence.</param>
[GenerateSerializer, Immutable, Alias("rayswarm.MemoryMatch")]
public sealed record MemoryMatch(Contribution Contribution, double Relevance, double Score);
