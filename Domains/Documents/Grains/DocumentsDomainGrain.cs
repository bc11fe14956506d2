using System.Text.Json;
using Rayswarm.Grains;
using Rayswarm.Grains.Interfaces;

namespace Rayswarm.Domains.Documents;

/// <summary>
/// The <c>documents</c> domain: <c>ingest</c> splits Markdown (by headings) or plain text (by paragraphs, by size) into
/// sections and indexes them in the shared memory's full-text search; <c>search</c> returns ranked passages with their
/// source; <c>summarize</c> picks a document's best sentences (<see cref="Summarizer.Scoring"/>); <c>outline</c> lists its
/// headings. Documents are kept by <see cref="IDocumentGrain"/>, one per source; this stateless worker only dispatches.
/// </summary>
[StatelessWorker]
[Reentrant]
[GrainType("documents-domain")]
public sealed partial class DocumentsDomainGrain : Grain, IDomainWorkerGrain
{
    /// <summary>The domain id it is hosted as.</summary>
    public const string DomainId = "documents";

    /// <summary>The domain's actions (<see cref="DocumentsModule.Actions"/>).</summary>
    public static IReadOnlyList<DomainActionInfo> DomainActions => s_actions;

    /// <inheritdoc />
    public Task<IReadOnlyList<DomainActionInfo>> DescribeActions() => Task.FromResult(s_actions);

    /// <inheritdoc />
    public async Task<JsonElement> Execute(string action, JsonElement input)
    {
        var args = DocumentArguments.Of(DomainActionInput.Parse(input));
        switch (action)
        {
            case Ingest:
            {
                var source = args.SourceName(required: true)!;
                var text = args.Text ?? throw new ArgumentException("text is required: the document's Markdown or plain text.", "text");
                var format = DocumentParser.FormatOf(args.Format, source, text);
                DocumentParser.Parse(text, format); // a bad document fails here, before the grain writes anything
                var ingested = await Document(source).Ingest(text, format);
                return DomainActionInput.Output(new
                {
                    ingested.Source, format = Name(ingested.Format), ingested.Hash, ingested.Sections, ingested.Headings,
                    ingested.Replaced, ingested.Unchanged,
                });
            }
            case Search:
                return DomainActionInput.Output(await SearchAsync(args));
            case Summarize:
            {
                var (source, parsed) = await DocumentOfAsync(args);
                var sentences = Summarizer.Summarize(parsed, args.Sentences ?? 3);
                return DomainActionInput.Output(new { source, count = sentences.Count, sentences, scoring = Summarizer.Scoring });
            }
            case Outline:
            {
                var (source, parsed) = await DocumentOfAsync(args);
                return DomainActionInput.Output(new { source, format = Name(parsed.Format), count = parsed.Headings.Count, headings = parsed.Headings });
            }
            default:
                throw UnknownAction(action);
        }
    }

    /// <inheritdoc />
    public async Task Compensate(string action, JsonElement input, JsonElement output)
    {
        switch (action)
        {
            case Search or Summarize or Outline:
                return; // read-only
            case Ingest:
            {
                // The version the step ingested: from its output, else from its input (the outcome was lost).
                var args = DocumentArguments.Of(DomainActionInput.Parse(input));
                var source = args.SourceName(required: true)!;
                var hash = output.ValueKind == JsonValueKind.Object && output.TryGetProperty("hash", out var h) ? h.GetString() : null;
                if (output.ValueKind == JsonValueKind.Object && output.TryGetProperty("unchanged", out var same) && same.GetBoolean())
                {
                    return; // the document was already this text before the step: nothing to undo
                }
                if (hash is null && args.Text is { } text)
                {
                    var stored = await Document(source).Get();
                    hash = stored is not null && stored.Text == text ? stored.Hash : null;
                }
                if (hash is not null) { await Document(source).Remove(hash); }
                return;
            }
            default:
                throw UnknownAction(action);
        }
    }

    /// <summary>The documents domain subscribes to nothing: events are accepted and ignored.</summary>
    public Task OnEvent(DomainEvent domainEvent) => Task.CompletedTask;

    private async Task<object> SearchAsync(DocumentArguments args)
    {
        var words = Terms.Words(args.Query ?? "").Distinct().ToList();
        if (words.Count == 0) { throw new ArgumentException("query has no terms: give words to search for.", "query"); }
        var terms = Terms.Of(args.Query!).Distinct().ToList();
        var searched = terms.Count > 0 ? terms : words; // stop words are left out unless there is nothing else
        var limit = args.Limit ?? DocumentArguments.DefaultLimit;
        if (limit is < 1 or > MemoryQuery.MaxLimit)
        {
            throw new ArgumentException($"limit must be between 1 and {MemoryQuery.MaxLimit} (was {limit}).", "limit");
        }
        var query = new MemoryQuery(string.Join(' ', searched), 0, DocumentGrain.SectionType, DomainId, limit);
        var found = await GrainFactory.GetGrain<ISharedMemoryGrain>(ISharedMemoryGrain.Key).Query(query);
        var results = found.Results.Select(m =>
        {
            var content = m.Contribution.Content;
            return new DocumentMatch(content.GetProperty("source").GetString()!, content.GetProperty("title").GetString()!,
                content.GetProperty("line").GetInt32(), content.GetProperty("section").GetInt32(),
                Passages.Of(content.GetProperty("text").GetString()!, searched), m.Relevance, m.Score, m.Contribution.ContributionId);
        }).ToList();
        return new { query = args.Query, terms = searched, count = results.Count, results };
    }

    /// <summary>The document an action names: inline (text, with an optional source for its format) or ingested (source).</summary>
    private async Task<(string? Source, ParsedDocument Parsed)> DocumentOfAsync(DocumentArguments args)
    {
        var source = args.SourceName(required: false);
        if (args.Text is { } text)
        {
            return (source, DocumentParser.Parse(text, DocumentParser.FormatOf(args.Format, source ?? "", text)));
        }
        if (source is null) { throw new ArgumentException("source or text is required: an ingested document's name, or the document itself.", "source"); }
        var stored = await Document(source).Get()
            ?? throw new ArgumentException($"source '{source}' is not an ingested document: ingest it first, or pass its text.", "source");
        return (source, DocumentParser.Parse(stored.Text, stored.Format));
    }

    private IDocumentGrain Document(string source) => GrainFactory.GetGrain<IDocumentGrain>(source);

    private static string Name(DocumentFormat format) => format.ToString().ToLowerInvariant();

    private static ArgumentException UnknownAction(string action) => DomainActionInput.UnknownAction(DomainId, action, s_actions);
}
