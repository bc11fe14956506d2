namespace Rayswarm.Domains.Documents;

/// <summary>A passage that matches a search.</summary>
/// <param name="Source">The document it is from.</param>
/// <param name="Title">The headings its section is under (<see cref="DocumentSection.Title"/>).</param>
/// <param name="Line">The 1-based line its section starts on.</param>
/// <param name="Section">The section's index in the document.</param>
/// <param name="Passage">The matching text (<see cref="Passages"/>).</param>
/// <param name="Relevance">Its full-text rank over the best match's, 0..1 (the shared memory's relevance).</param>
/// <param name="Score">Relevance × the section's confidence in the shared memory: the order of the results.</param>
/// <param name="ContributionId">The section's contribution in the shared memory (it can be verified there).</param>
public sealed record DocumentMatch(string Source, string Title, int Line, int Section, string Passage, double Relevance, double Score,
    string ContributionId);
