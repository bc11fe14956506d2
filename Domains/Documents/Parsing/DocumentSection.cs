namespace Rayswarm.Domains.Documents;

/// <summary>A searchable part of a document: the text under one heading (a long one in several parts), or a run of
/// paragraphs of plain text.</summary>
/// <param name="Index">Its position among the document's sections, from 0.</param>
/// <param name="Title">The headings it is under, outermost first, joined by " &gt; " ("" before the first heading and in plain text).</param>
/// <param name="Line">The 1-based line its text starts on.</param>
/// <param name="Text">Its text, as written in the document.</param>
public sealed record DocumentSection(int Index, string Title, int Line, string Text);
