namespace Rayswarm.Domains.Documents;

/// <summary>Extractive summaries: the document's best sentences by <see cref="Scoring"/>, in document order.</summary>
public static class Summarizer
{
    /// <summary>How sentences are scored, as the docs and the action's output state it.</summary>
    public const string Scoring =
        "score(s) = sum over the distinct terms t of s of tf(t) * ln(1 + N / df(t)), divided by sqrt(number of distinct terms of s), " +
        "times 1.25 for the first sentence of a paragraph; terms are words of 2+ letters or digits, lower-cased, English stop " +
        "words removed; tf(t) = occurrences of t in the document, N = sentences in the document, df(t) = sentences containing t. " +
        "The top sentences (ties: the earlier) are returned in document order.";

    /// <summary>The bonus of a paragraph's first sentence, which tends to state its topic.</summary>
    public const double FirstSentenceBonus = 1.25;

    /// <summary>The most sentences a summary may ask for.</summary>
    public const int MaxSentences = 20;

    /// <summary>The <paramref name="count"/> best sentences of the document's paragraphs, in document order (fewer when the
    /// document has fewer). Throws <see cref="ArgumentException"/> for a count out of 1..<see cref="MaxSentences"/>, or a
    /// document without prose (only headings and code).</summary>
    public static IReadOnlyList<SummarySentence> Summarize(ParsedDocument document, int count)
    {
        ArgumentNullException.ThrowIfNull(document);
        if (count is < 1 or > MaxSentences)
        {
            throw new ArgumentException($"sentences must be between 1 and {MaxSentences} (was {count}).", "sentences");
        }
        var sentences = document.Paragraphs.SelectMany(p => Sentences.Split(p.Text).Select((s, i) =>
                (s.Text, Line: p.Line + p.Text.AsSpan(0, s.Offset).Count('\n'), First: i == 0, Terms: Terms.Of(s.Text).ToList())))
            .ToList();
        if (sentences.Count == 0) { throw new ArgumentException("the document has no prose to summarize (only headings or code).", "text"); }
        var termFrequency = sentences.SelectMany(s => s.Terms).CountBy(t => t).ToDictionary();
        var sentenceFrequency = sentences.SelectMany(s => s.Terms.Distinct()).CountBy(t => t).ToDictionary();
        double n = sentences.Count;
        var scored = sentences.Select((s, index) =>
        {
            var distinct = s.Terms.Distinct().ToList();
            var sum = distinct.Sum(t => termFrequency[t] * Math.Log(1 + n / sentenceFrequency[t]));
            var score = distinct.Count == 0 ? 0 : sum / Math.Sqrt(distinct.Count) * (s.First ? FirstSentenceBonus : 1);
            return (Index: index, Sentence: new SummarySentence(s.Text, s.Line, Math.Round(score, 4)), Raw: score);
        }).ToList();
        return scored.OrderByDescending(s => s.Raw).ThenBy(s => s.Index).Take(count)
            .OrderBy(s => s.Index).Select(s => s.Sentence).ToList();
    }
}
