namespace Rayswarm.Domains.Documents;

/// <summary>A heading of a Markdown document.</summary>
/// <param name="Level">1 for <c>#</c> (or a <c>===</c> underline) to 6.</param>
/// <param name="Text">The heading's text, without its Markdown markers.</param>
/// <param name="Line">The 1-based line the heading starts on.</param>
[GenerateSerializer, Immutable]
public sealed record DocumentHeading(int Level, string Text, int Line);
