namespace Rayswarm.Domains.Documents;

/// <summary>
/// Splits prose into sentences. A sentence ends at '.', '!' or '?' (with any closing quotes or brackets after it) when
/// whitespace follows and the next text starts with a capital letter, a digit or an opening quote or bracket; or at the
/// end of the text. So "e.g. this" and "version 1.2 is" stay in one sentence.
/// </summary>
internal static class Sentences
{
    /// <summary>The sentences of <paramref name="text"/>: where each starts (an offset into the text) and its text with
    /// runs of whitespace (line breaks too) made one space.</summary>
    public static IReadOnlyList<(int Offset, string Text)> Split(string text)
    {
        var sentences = new List<(int, string)>();
        var start = Skip(text, 0);
        var i = start;
        while (i < text.Length)
        {
            if (text[i] is '.' or '!' or '?')
            {
                var end = i + 1;
                while (end < text.Length && text[end] is '"' or '\'' or ')' or ']' or '”' or '’' or '*' or '_') { end++; }
                var next = Skip(text, end);
                if (next > end && (next == text.Length || StartsSentence(text[next])))
                {
                    Add(sentences, text, start, end);
                    start = i = next;
                    continue;
                }
            }
            i++;
        }
        Add(sentences, text, start, text.Length);
        return sentences;
    }

    private static bool StartsSentence(char c) => char.IsUpper(c) || char.IsDigit(c) || c is '"' or '\'' or '(' or '[' or '“' or '‘' or '*' or '_';

    private static int Skip(string text, int i)
    {
        while (i < text.Length && char.IsWhiteSpace(text[i])) { i++; }
        return i;
    }

    private static void Add(List<(int, string)> sentences, string text, int start, int end)
    {
        if (end <= start) { return; }
        var sentence = string.Join(' ', text[start..end].Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries));
        if (sentence.Length > 0) { sentences.Add((start, sentence)); }
    }
}
