using Rayswarm.Grains.Interfaces;

namespace Rayswarm.Domains.Documents;

/// <summary>The documents domain's actions, their descriptions and input schemas.</summary>
public sealed partial class DocumentsDomainGrain
{
    private const string Ingest = "ingest";
    private const string Search = "search";
    private const string Summarize = "summarize";
    private const string Outline = "outline";

    private static readonly string SourceSchema = $$$"""
        "source":{"type":"string","minLength":1,"maxLength":{{{DocumentArguments.MaxSourceLength}}},"description":"The document's name, e.g. docs/install.md; ingesting it again replaces it."}
        """;

    private static readonly string TextSchema = $$$"""
        "text":{"type":"string","minLength":1,"maxLength":{{{DocumentParser.MaxTextLength}}},"description":"The document: Markdown or plain text."},
        "format":{"type":"string","enum":["auto","markdown","text"],"default":"auto","description":"auto: Markdown when the source ends in .md or a line starts with '# ', else plain text."}
        """;

    private static readonly IReadOnlyList<DomainActionInfo> s_actions =
    [
        new(Ingest,
            "Indexes a document for full-text search: Markdown is split into sections by its headings, plain text into runs of " +
            $"paragraphs; sections longer than {DocumentParser.MaxSectionLength} characters are cut at paragraph or sentence ends. " +
            "The sections are stored in the shared memory as contributions of the documents domain (type document.section). " +
            "Ingesting a source again replaces its sections; the same text again changes nothing. Returns {source, format, hash, " +
            "sections, headings, replaced, unchanged}. Rolled back by removing the ingested version.",
            $$$"""
            {"type":"object","additionalProperties":false,"required":["source","text"],"properties":{
            {{{SourceSchema}}},
            {{{TextSchema}}}
            }
            }
            """,
            Compensable: true),
        new(Search,
            "Searches the ingested documents (full text, stemmed; every word of the query must occur, English stop words are " +
            "left out) and returns ranked passages with their source: {query, terms, count, results: [{source, title, line, " +
            "section, passage, relevance, score, contribution_id}]}, best first. Read-only.",
            $$$"""
            {"type":"object","additionalProperties":false,"required":["query"],"properties":{
            "query":{"type":"string","minLength":1,"maxLength":{{{MemoryQuery.MaxQueryLength}}},"description":"Words to look for."},
            "limit":{"type":"integer","minimum":1,"maximum":{{{MemoryQuery.MaxLimit}}},"default":{{{DocumentArguments.DefaultLimit}}},"description":"At most this many passages."}}
            }
            """,
            Compensable: false,
            ReadOnly: true),
        new(Summarize,
            "An extractive summary of a document (an ingested source, or text given inline): its best sentences, in document " +
            "order, each with its line and score. Scoring: " + Summarizer.Scoring + " Returns {source, count, sentences: " +
            "[{text, line, score}], scoring}. Read-only.",
            $$$"""
            {"type":"object","additionalProperties":false,"properties":{
            {{{SourceSchema}}},
            {{{TextSchema}}},
            "sentences":{"type":"integer","minimum":1,"maximum":{{{Summarizer.MaxSentences}}},"default":3,"description":"How many sentences."}}
            }
            """,
            Compensable: false,
            ReadOnly: true),
        new(Outline,
            "The headings of a Markdown document (an ingested source, or text given inline): {source, format, count, headings: " +
            "[{level, text, line}]}, in document order (plain text has none). Read-only.",
            $$$"""
            {"type":"object","additionalProperties":false,"properties":{
            {{{SourceSchema}}},
            {{{TextSchema}}}
            }
            }
            """,
            Compensable: false,
            ReadOnly: true),
    ];
}
