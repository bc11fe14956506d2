namespace Rayswarm.Domains.Documents;

/// <summary>One ingested document, keyed by its source name. It keeps the document's text and the ids of its sections in
/// the shared memory, so that ingesting a new version replaces the old sections and ingesting the same text again adds
/// nothing.</summary>
[Alias("rayswarm.documents.IDocumentGrain")]
public interface IDocumentGrain : IGrainWithStringKey
{
    /// <summary>Indexes <paramref name="text"/> as this source's document, replacing an earlier version. Throws
    /// <see cref="ArgumentException"/> for an empty document.</summary>
    Task<DocumentIngested> Ingest(string text, DocumentFormat format);

    /// <summary>The document, or null when nothing was ingested under this source.</summary>
    [ReadOnly]
    Task<StoredDocument?> Get();

    /// <summary>Removes the document and its sections when its current version is <paramref name="hash"/> (undoes an
    /// ingest); returns the number of sections removed (0 when another version is current).</summary>
    Task<int> Remove(string hash);
}
