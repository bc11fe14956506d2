namespace Rayswarm.Grains.Interfaces;

/// <summary>One contribution found by a query, with why it ranks where it does.</summary>
/// <param name="Contribution">The contribution.</param>
/// <param name="Relevance">How well its text matches, 0..1 (the database's rank r mapped to r / (1 + r)); 1 for a query without words.</param>
/// <param name="Score">What results are sorted by: relevance × confidence.</param>
public sealed record MemoryMatch(Contribution Contribution, double Relevance, double Score);
