using Markdig;
using Markdig.Syntax;
using Markdig.Syntax.Inlines;

namespace Rayswarm.Domains.Documents;

/// <summary>Reads Markdown with Markdig (CommonMark): the document's top-level headings make the outline and bound its
/// sections; a '#' in a code block is not a heading. Paragraphs (in lists and quotes too) are the summary's prose.</summary>
internal static class MarkdownReader
{
    public static ParsedDocument Read(string text)
    {
        var document = Markdown.Parse(text);
        var lines = new LineIndex(text);
        var headings = new List<DocumentHeading>();
        var sections = new List<DocumentSection>();
        var path = new List<DocumentHeading>();
        var bodyStart = 0;
        foreach (var heading in document.OfType<HeadingBlock>())
        {
            AddSections(sections, text, lines, bodyStart, heading.Span.Start, path);
            var entry = new DocumentHeading(heading.Level, PlainText(heading.Inline), lines.LineOf(heading.Span.Start));
            headings.Add(entry);
            path.RemoveAll(h => h.Level >= entry.Level);
            path.Add(entry);
            bodyStart = Math.Min(text.Length, heading.Span.End + 1);
        }
        AddSections(sections, text, lines, bodyStart, text.Length, path);
        var paragraphs = document.Descendants<ParagraphBlock>()
            .Select(p => new DocumentParagraph(p.Line + 1, text.Substring(p.Span.Start, Math.Min(p.Span.Length, text.Length - p.Span.Start))))
            .ToList();
        return new ParsedDocument(DocumentFormat.Markdown, headings, sections, paragraphs);
    }

    private static void AddSections(List<DocumentSection> sections, string text, LineIndex lines, int start, int end,
        List<DocumentHeading> path)
    {
        var title = string.Join(" > ", path.Select(h => h.Text));
        foreach (var (partStart, partEnd) in TextSpans.Split(text, start, end, DocumentParser.MaxSectionLength))
        {
            sections.Add(new DocumentSection(sections.Count, title, lines.LineOf(partStart), text[partStart..partEnd]));
        }
    }

    /// <summary>A heading's text without its markup: literals and code spans, in order.</summary>
    private static string PlainText(ContainerInline? inline) =>
        inline is null
            ? ""
            : string.Concat(inline.Descendants().Select(i => i switch
            {
                LiteralInline literal => literal.Content.ToString(),
                CodeInline code => code.Content,
                LineBreakInline => " ",
                _ => "",
            })).Trim();
}
