namespace Rayswarm.Domains.Documents;

/// <summary>A sentence an extractive summary picked.</summary>
/// <param name="Text">The sentence as written (whitespace runs made one space).</param>
/// <param name="Line">The 1-based line it starts on.</param>
/// <param name="Score">Its score (<see cref="Summarizer.Scoring"/>).</param>
public sealed record SummarySentence(string Text, int Line, double Score);
