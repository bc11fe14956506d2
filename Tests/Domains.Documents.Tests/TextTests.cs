namespace Rayswarm.Domains.Documents.Tests;

/// <summary>Sentences, terms and search passages.</summary>
public sealed class TextTests
{
    [Fact]
    public void Sentences_end_at_a_stop_before_a_capital_and_not_inside_versions_or_abbreviations()
    {
        var sentences = Sentences.Split("Version 1.2 is out, e.g. for Linux. It works!  \"Really?\" Yes.\nNext line");

        Assert.Equal(["Version 1.2 is out, e.g. for Linux.", "It works!", "\"Really?\"", "Yes.", "Next line"], sentences.Select(s => s.Text));
        Assert.Equal(0, sentences[0].Offset);
        Assert.Equal(36, sentences[1].Offset);
    }

    [Fact]
    public void Terms_are_lower_cased_words_without_stop_words()
    {
        Assert.Equal(["rayswarm", "runs", "domain_workers"[..6], "workers", "2026"], Terms.Of("Rayswarm runs the DOMAIN-workers in 2026 a"));
    }

    [Fact]
    public void A_passage_is_cut_around_the_first_query_word()
    {
        var text = string.Join(' ', Enumerable.Repeat("filler", 100)) + " needle here " + string.Join(' ', Enumerable.Repeat("tail", 100));

        var passage = Passages.Of(text, ["needle"]);

        Assert.Contains("needle here", passage, StringComparison.Ordinal);
        Assert.StartsWith("…filler", passage, StringComparison.Ordinal);
        Assert.EndsWith("tail…", passage, StringComparison.Ordinal);
        Assert.True(passage.Length <= Passages.Length + 2, $"{passage.Length} characters");
    }
}
