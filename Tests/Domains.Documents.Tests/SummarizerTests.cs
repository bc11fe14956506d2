namespace Rayswarm.Domains.Documents.Tests;

/// <summary>Extractive summaries pick the sentences whose terms the document is about, and keep document order.</summary>
public sealed class SummarizerTests
{
    private const string Text = """
        Rayswarm runs domain workers in a cluster. The weather was nice that day.

        Domain workers register in the registry and share knowledge in the shared memory. Lunch was late.

        Workers in the cluster survive the loss of a silo, and domain knowledge stays in the shared memory. It rained later.
        """;

    [Fact]
    public void The_sentences_about_the_documents_recurring_terms_are_chosen_in_document_order()
    {
        var summary = Summarizer.Summarize(DocumentParser.Parse(Text, DocumentFormat.Text), 3);

        Assert.Equal(
        [
            "Rayswarm runs domain workers in a cluster.",
            "Domain workers register in the registry and share knowledge in the shared memory.",
            "Workers in the cluster survive the loss of a silo, and domain knowledge stays in the shared memory.",
        ], summary.Select(s => s.Text));
        Assert.Equal([1, 3, 5], summary.Select(s => s.Line));
    }

    [Fact]
    public void Scores_follow_the_stated_formula()
    {
        // Two sentences in one paragraph: "alpha beta." (first, bonus) and "alpha gamma gamma."
        var summary = Summarizer.Summarize(DocumentParser.Parse("Alpha beta. Alpha gamma gamma.", DocumentFormat.Text), 2);

        // tf: alpha 2, beta 1, gamma 2; N = 2; df: alpha 2, beta 1, gamma 1.
        var first = (2 * Math.Log(1 + 2.0 / 2) + 1 * Math.Log(1 + 2.0 / 1)) / Math.Sqrt(2) * Summarizer.FirstSentenceBonus;
        var second = (2 * Math.Log(1 + 2.0 / 2) + 2 * Math.Log(1 + 2.0 / 1)) / Math.Sqrt(2);
        Assert.Equal([Math.Round(first, 4), Math.Round(second, 4)], summary.Select(s => s.Score));
    }

    [Fact]
    public void The_first_sentence_of_a_paragraph_wins_a_tie()
    {
        var summary = Summarizer.Summarize(DocumentParser.Parse("Cats purr loudly. Dogs bark loudly.", DocumentFormat.Text), 1);

        Assert.Equal("Cats purr loudly.", Assert.Single(summary).Text);
    }

    [Fact]
    public void Markdown_summaries_skip_headings_and_code()
    {
        var markdown = "# Heading words here\n\n```\ncode code code code.\n```\n\nThe only prose sentence.";

        var summary = Summarizer.Summarize(DocumentParser.Parse(markdown, DocumentFormat.Markdown), 5);

        Assert.Equal("The only prose sentence.", Assert.Single(summary).Text);
    }

    [Theory]
    [InlineData(0)]
    [InlineData(21)]
    public void A_sentence_count_out_of_range_is_refused(int count)
    {
        var parsed = DocumentParser.Parse("Some text.", DocumentFormat.Text);

        Assert.Equal("sentences", Assert.Throws<ArgumentException>(() => Summarizer.Summarize(parsed, count)).ParamName);
    }
}
