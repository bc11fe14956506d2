namespace Rayswarm.Domains.Documents;

/// <summary>A paragraph of prose (not a heading, not code), the unit summaries pick sentences from.</summary>
/// <param name="Line">The 1-based line it starts on.</param>
/// <param name="Text">Its text, as written.</param>
public sealed record DocumentParagraph(int Line, string Text);
