namespace Rayswarm.Domains.Documents;

/// <summary>
/// Cuts a stretch of text into parts of at most a given length: whole paragraphs (separated by blank lines) while they
/// fit together; a longer paragraph at sentence ends; a longer sentence at the last whitespace that fits (or anywhere,
/// for a word longer than the limit). Parts are trimmed and never empty.
/// </summary>
internal static class TextSpans
{
    /// <summary>The paragraphs of <c>text[start..end)</c> as (start, end) pairs, trimmed.</summary>
    public static IReadOnlyList<(int Start, int End)> Paragraphs(string text, int start, int end)
    {
        var paragraphs = new List<(int, int)>();
        var paragraphStart = -1;
        var lineStart = start;
        while (lineStart < end)
        {
            var lineEnd = text.IndexOf('\n', lineStart, end - lineStart);
            if (lineEnd < 0) { lineEnd = end; }
            var blank = string.IsNullOrWhiteSpace(text[lineStart..lineEnd]);
            if (!blank && paragraphStart < 0) { paragraphStart = lineStart; }
            if (blank && paragraphStart >= 0)
            {
                AddTrimmed(paragraphs, text, paragraphStart, lineStart);
                paragraphStart = -1;
            }
            lineStart = lineEnd + 1;
        }
        if (paragraphStart >= 0) { AddTrimmed(paragraphs, text, paragraphStart, end); }
        return paragraphs;
    }

    /// <summary>The parts of <c>text[start..end)</c>, each at most <paramref name="maxLength"/> characters.</summary>
    public static IReadOnlyList<(int Start, int End)> Split(string text, int start, int end, int maxLength)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(maxLength, 1);
        var pieces = new List<(int Start, int End)>();
        foreach (var paragraph in Paragraphs(text, start, end))
        {
            if (paragraph.End - paragraph.Start <= maxLength) { pieces.Add(paragraph); continue; }
            foreach (var (first, sentenceEnd) in SentenceSpans(text, paragraph))
            {
                var sentenceStart = first;
                while (sentenceEnd - sentenceStart > maxLength)
                {
                    var cut = text.LastIndexOfAny([' ', '\n', '\t'], sentenceStart + maxLength - 1, maxLength);
                    if (cut <= sentenceStart) { cut = sentenceStart + maxLength; }
                    AddTrimmed(pieces, text, sentenceStart, cut);
                    sentenceStart = cut;
                    while (sentenceStart < sentenceEnd && char.IsWhiteSpace(text[sentenceStart])) { sentenceStart++; }
                }
                AddTrimmed(pieces, text, sentenceStart, sentenceEnd);
            }
        }
        return Pack(pieces, maxLength);
    }

    /// <summary>Joins neighbouring pieces while the text from the first's start to the last's end fits.</summary>
    private static List<(int Start, int End)> Pack(List<(int Start, int End)> pieces, int maxLength)
    {
        var parts = new List<(int Start, int End)>();
        foreach (var piece in pieces)
        {
            if (parts.Count > 0 && piece.End - parts[^1].Start <= maxLength) { parts[^1] = (parts[^1].Start, piece.End); }
            else { parts.Add(piece); }
        }
        return parts;
    }

    private static IEnumerable<(int Start, int End)> SentenceSpans(string text, (int Start, int End) paragraph)
    {
        var sentences = Sentences.Split(text[paragraph.Start..paragraph.End]);
        for (var i = 0; i < sentences.Count; i++)
        {
            var end = i + 1 < sentences.Count ? paragraph.Start + sentences[i + 1].Offset : paragraph.End;
            yield return (paragraph.Start + sentences[i].Offset, end);
        }
    }

    private static void AddTrimmed(List<(int Start, int End)> spans, string text, int start, int end)
    {
        while (start < end && char.IsWhiteSpace(text[start])) { start++; }
        while (end > start && char.IsWhiteSpace(text[end - 1])) { end--; }
        if (end > start) { spans.Add((start, end)); }
    }
}
