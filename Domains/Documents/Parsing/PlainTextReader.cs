namespace Rayswarm.Domains.Documents;

/// <summary>Reads plain text: paragraphs are separated by blank lines; sections are runs of whole paragraphs of at most
/// <see cref="DocumentParser.MaxSectionLength"/> characters (a longer paragraph is cut at sentence ends).</summary>
internal static class PlainTextReader
{
    public static ParsedDocument Read(string text)
    {
        var lines = new LineIndex(text);
        var sections = TextSpans.Split(text, 0, text.Length, DocumentParser.MaxSectionLength)
            .Select((part, i) => new DocumentSection(i, "", lines.LineOf(part.Start), text[part.Start..part.End]))
            .ToList();
        var paragraphs = TextSpans.Paragraphs(text, 0, text.Length)
            .Select(p => new DocumentParagraph(lines.LineOf(p.Start), text[p.Start..p.End]))
            .ToList();
        return new ParsedDocument(DocumentFormat.Text, [], sections, paragraphs);
    }
}
