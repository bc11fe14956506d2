using System.Text.RegularExpressions;

namespace Rayswarm.Domains.Documents;

/// <summary>Splits a document into sections, headings and paragraphs (<see cref="ParsedDocument"/>).</summary>
public static partial class DocumentParser
{
    /// <summary>The longest section: a longer stretch of text is cut into parts at paragraph or sentence ends.</summary>
    public const int MaxSectionLength = 1500;

    /// <summary>The longest document accepted, in characters.</summary>
    public const int MaxTextLength = 512 * 1024;

    /// <summary>The format a request names: "markdown" (or "md"), "text", or "auto"/null: Markdown when the source ends
    /// in .md or .markdown or a line starts with an ATX heading ("# "), else text. Throws <see cref="ArgumentException"/>
    /// for any other name.</summary>
    public static DocumentFormat FormatOf(string? format, string source, string text) => format?.ToLowerInvariant() switch
    {
        "markdown" or "md" => DocumentFormat.Markdown,
        "text" or "plain" => DocumentFormat.Text,
        null or "auto" => LooksLikeMarkdown(source, text) ? DocumentFormat.Markdown : DocumentFormat.Text,
        _ => throw new ArgumentException($"format must be markdown, text or auto (was '{format}').", "format"),
    };

    /// <summary>Parses <paramref name="text"/>. Throws <see cref="ArgumentException"/> for an empty document, one longer
    /// than <see cref="MaxTextLength"/>, or one without text to index (only headings).</summary>
    public static ParsedDocument Parse(string? text, DocumentFormat format)
    {
        if (string.IsNullOrWhiteSpace(text)) { throw new ArgumentException("text must not be empty: the document has no text.", "text"); }
        if (text.Length > MaxTextLength)
        {
            throw new ArgumentException($"text must be at most {MaxTextLength} characters (was {text.Length}).", "text");
        }
        var parsed = format == DocumentFormat.Markdown ? MarkdownReader.Read(text) : PlainTextReader.Read(text);
        return parsed.Sections.Count > 0
            ? parsed
            : throw new ArgumentException("text has no content to index: only headings.", "text");
    }

    private static bool LooksLikeMarkdown(string source, string text) =>
        source.EndsWith(".md", StringComparison.OrdinalIgnoreCase)
        || source.EndsWith(".markdown", StringComparison.OrdinalIgnoreCase)
        || AtxHeading().IsMatch(text);

    [GeneratedRegex(@"^ {0,3}#{1,6}[ \t]+\S", RegexOptions.Multiline)]
    private static partial Regex AtxHeading();
}
