using System.Security.Cryptography;
using System.Text;
using Microsoft.Extensions.DependencyInjection;
using Rayswarm.Grains;
using Rayswarm.Grains.Interfaces;

namespace Rayswarm.Domains.Documents;

/// <summary>
/// One document (<see cref="IDocumentGrain"/>). Its sections are contributions of the <c>documents</c> domain, of type
/// <see cref="SectionType"/>, written straight to the knowledge store under ids derived from the source, the version and
/// the section's index: a retried ingest finds them instead of adding copies. Sections of a replaced version are retracted
/// through the shared memory (announced as <c>memory.retracted</c>). Being one activation per source, ingests of one
/// document run one at a time.
/// </summary>
[GrainType("documents-document")]
public sealed class DocumentGrain(
    [PersistentState("document", "Default")] IPersistentState<DocumentState> state,
    IKnowledgeStore store,
    [FromKeyedServices(DomainClock.Key)] TimeProvider? time = null) : Grain, IDocumentGrain
{
    /// <summary>The contribution type of a section.</summary>
    public const string SectionType = "document.section";

    private readonly TimeProvider _time = time ?? TimeProvider.System;

    private string Source => this.GetPrimaryKeyString();

    /// <inheritdoc />
    public async Task<DocumentIngested> Ingest(string text, DocumentFormat format)
    {
        var parsed = DocumentParser.Parse(text, format);
        var hash = HashOf(text, format);
        var current = state.State;
        if (current.Hash == hash && current.Complete)
        {
            return new DocumentIngested(Source, format, hash, current.SectionIds.Length, current.Headings, 0, Unchanged: true);
        }
        var ids = parsed.Sections.Select(s => SectionId(hash, s.Index)).ToArray();
        var retiring = current.SectionIds.Concat(current.Retiring).Except(ids).Distinct().ToArray();
        state.State = new DocumentState
        {
            Text = text, Format = format, Hash = hash, Headings = parsed.Headings.Count, SectionIds = ids, Retiring = retiring,
        };
        await state.WriteStateAsync();
        await StoreSectionsAsync(parsed.Sections, ids);
        await RetractAsync(retiring);
        state.State = state.State with { Retiring = [], Complete = true };
        await state.WriteStateAsync();
        return new DocumentIngested(Source, format, hash, ids.Length, parsed.Headings.Count, retiring.Length, Unchanged: false);
    }

    /// <inheritdoc />
    public Task<StoredDocument?> Get() => Task.FromResult(state.State is { Text: { } text, Hash: { } hash }
        ? new StoredDocument(text, state.State.Format, hash)
        : null);

    /// <inheritdoc />
    public async Task<int> Remove(string hash)
    {
        if (state.State.Hash != hash) { return 0; }
        var sections = state.State.SectionIds.Concat(state.State.Retiring).ToArray();
        await RetractAsync(sections);
        await state.ClearStateAsync();
        return sections.Length;
    }

    private async Task StoreSectionsAsync(IReadOnlyList<DocumentSection> sections, string[] ids)
    {
        var ticks = _time.GetUtcNow().UtcTicks;
        var now = new DateTimeOffset(ticks - (ticks % TimeSpan.TicksPerMillisecond), TimeSpan.Zero); // as the memory stores time
        foreach (var section in sections)
        {
            var id = ids[section.Index];
            var content = DomainActionInput.Output(new { source = Source, title = section.Title, text = section.Text, line = section.Line, section = section.Index });
            var contribution = new Contribution(id, DocumentsDomainGrain.DomainId, SectionType, content, MemoryConfidence.Initial,
                0, 0, [], [], 0, 0, 0, now, now);
            try
            {
                await store.AddAsync(contribution);
            }
            catch
            {
                // Stored by an earlier run of this ingest that died before it completed: fine; anything else stands.
                if (await store.GetAsync(id) is null) { throw; }
            }
        }
    }

    private static readonly RetractRequest s_replaced = new("replaced: the document was ingested again, or its ingest was undone");

    private async Task RetractAsync(IEnumerable<string> ids)
    {
        var memory = GrainFactory.GetGrain<ISharedMemoryGrain>(ISharedMemoryGrain.Key);
        foreach (var id in ids) { await memory.Retract(id, s_replaced); }
    }

    private static string HashOf(string text, DocumentFormat format) =>
        Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(format + "\n" + text)));

    /// <summary>32 hex digits of SHA-256(source, version, index): the same on every run of one ingest.</summary>
    private string SectionId(string hash, int index) =>
        Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes($"documents\n{Source}\n{hash}\n{index}")))[..32];
}
