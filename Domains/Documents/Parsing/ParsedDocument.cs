namespace Rayswarm.Domains.Documents;

/// <summary>A document split for indexing, outlining and summarizing.</summary>
/// <param name="Format">How it was read.</param>
/// <param name="Headings">Its headings in document order (none for plain text).</param>
/// <param name="Sections">Its sections in document order (at least one).</param>
/// <param name="Paragraphs">Its prose paragraphs in document order.</param>
public sealed record ParsedDocument(
    DocumentFormat Format,
    IReadOnlyList<DocumentHeading> Headings,
    IReadOnlyList<DocumentSection> Sections,
    IReadOnlyList<DocumentParagraph> Paragraphs);
