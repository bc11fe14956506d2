namespace Rayswarm.Domains.Documents.Tests;

/// <summary>How documents are split: Markdown by its headings (as CommonMark reads them), plain text by paragraphs and size.</summary>
public sealed class DocumentParserTests
{
    private const string Guide = """
        Intro text before any heading.

        # Install

        Download the archive.

        ## On Linux

        Unpack it with tar.

        ```sh
        # not a heading: a comment in a code block
        tar xf rayswarm.tgz
        ```

        ## On *Windows*

        Run the `setup.exe` installer.

        Configure
        =========

        Edit the settings file.
        """;

    [Fact]
    public void Markdown_sections_follow_the_headings_with_their_path_and_line()
    {
        var parsed = DocumentParser.Parse(Guide, DocumentFormat.Markdown);

        Assert.Equal(
        [
            new DocumentSection(0, "", 1, "Intro text before any heading."),
            new DocumentSection(1, "Install", 5, "Download the archive."),
            new DocumentSection(2, "Install > On Linux", 9, "Unpack it with tar.\n\n```sh\n# not a heading: a comment in a code block\ntar xf rayswarm.tgz\n```"),
            new DocumentSection(3, "Install > On Windows", 18, "Run the `setup.exe` installer."),
            new DocumentSection(4, "Configure", 23, "Edit the settings file."),
        ], parsed.Sections);
    }

    [Fact]
    public void The_outline_lists_atx_and_setext_headings_but_not_code_comments()
    {
        var parsed = DocumentParser.Parse(Guide, DocumentFormat.Markdown);

        Assert.Equal(
        [
            new DocumentHeading(1, "Install", 3),
            new DocumentHeading(2, "On Linux", 7),
            new DocumentHeading(2, "On Windows", 16),
            new DocumentHeading(1, "Configure", 20),
        ], parsed.Headings);
    }

    [Fact]
    public void A_long_markdown_section_is_cut_at_paragraph_ends_keeping_its_title()
    {
        var paragraphs = Enumerable.Range(1, 6).Select(i => $"Paragraph {i} " + string.Join(' ', Enumerable.Repeat("word", 100)) + ".");
        var text = "# Long\n\n" + string.Join("\n\n", paragraphs);

        var sections = DocumentParser.Parse(text, DocumentFormat.Markdown).Sections;

        Assert.True(sections.Count > 1, $"{sections.Count} sections");
        Assert.All(sections, s => Assert.Equal("Long", s.Title));
        Assert.All(sections, s => Assert.True(s.Text.Length <= DocumentParser.MaxSectionLength, $"{s.Text.Length} characters"));
        Assert.All(sections, s => Assert.StartsWith("Paragraph ", s.Text, StringComparison.Ordinal));
        Assert.Equal(paragraphs, sections.SelectMany(s => s.Text.Split("\n\n")));
        Assert.Equal([.. Enumerable.Range(0, sections.Count)], sections.Select(s => s.Index));
    }

    [Fact]
    public void Plain_text_packs_whole_paragraphs_into_sections_and_cuts_a_long_one_at_sentence_ends()
    {
        var shortOnes = Enumerable.Range(1, 3).Select(i => $"Short paragraph {i}.").ToList();
        var longOne = string.Join(' ', Enumerable.Range(1, 40).Select(i => $"Sentence number {i} is here to make the paragraph long."));
        var text = string.Join("\n\n", shortOnes) + "\n\n" + longOne;

        var parsed = DocumentParser.Parse(text, DocumentFormat.Text);

        Assert.Empty(parsed.Headings);
        Assert.StartsWith("Short paragraph 1.\n\nShort paragraph 2.\n\nShort paragraph 3.", parsed.Sections[0].Text, StringComparison.Ordinal);
        Assert.All(parsed.Sections, s => Assert.True(s.Text.Length <= DocumentParser.MaxSectionLength));
        Assert.All(parsed.Sections.Skip(1), s => Assert.Matches(@"^Sentence number \d+ .*\.$", s.Text));
        Assert.Equal(7, parsed.Sections[1].Line);
        Assert.Equal(4, parsed.Paragraphs.Count);
    }

    [Theory]
    [InlineData(null, "notes.md", "plain words", DocumentFormat.Markdown)]
    [InlineData("auto", "notes.txt", "## Title\n\ntext", DocumentFormat.Markdown)]
    [InlineData(null, "notes.txt", "#hashtag is not a heading", DocumentFormat.Text)]
    [InlineData("text", "notes.md", "# Title", DocumentFormat.Text)]
    [InlineData("markdown", "notes", "plain", DocumentFormat.Markdown)]
    public void The_format_is_the_one_asked_for_or_guessed_from_the_source_and_text(string? format, string source, string text, DocumentFormat expected)
    {
        Assert.Equal(expected, DocumentParser.FormatOf(format, source, text));
    }

    [Theory]
    [InlineData("")]
    [InlineData("   \n\n  ")]
    [InlineData("# Only\n\n## Headings")]
    public void A_document_without_text_is_refused(string text)
    {
        var error = Assert.Throws<ArgumentException>(() => DocumentParser.Parse(text, DocumentFormat.Markdown));

        Assert.Equal("text", error.ParamName);
    }

    [Fact]
    public void An_unknown_format_is_refused()
    {
        Assert.Equal("format", Assert.Throws<ArgumentException>(() => DocumentParser.FormatOf("html", "a", "b")).ParamName);
    }
}
