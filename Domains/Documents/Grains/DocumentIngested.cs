namespace Rayswarm.Domains.Documents;

/// <summary>The outcome of an ingest.</summary>
/// <param name="Source">The document's name.</param>
/// <param name="Format">How it was read.</param>
/// <param name="Hash">Its version (<see cref="StoredDocument.Hash"/>).</param>
/// <param name="Sections">The sections it is indexed as.</param>
/// <param name="Headings">Its headings.</param>
/// <param name="Replaced">Sections of an earlier version that were removed.</param>
/// <param name="Unchanged">True when this text was already the document (nothing was written).</param>
[GenerateSerializer, Immutable, Alias("rayswarm.documents.DocumentIngested")]
public sealed record DocumentIngested(string Source, DocumentFormat Format, string Hash, int Sections, int Headings, int Replaced, bool Unchanged);
