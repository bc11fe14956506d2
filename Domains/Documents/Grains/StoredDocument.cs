namespace Rayswarm.Domains.Documents;

/// <summary>An ingested document.</summary>
/// <param name="Text">Its text as ingested.</param>
/// <param name="Format">How it was read.</param>
/// <param name="Hash">SHA-256 of its format and text (hex), naming this version.</param>
[GenerateSerializer, Immutable, Alias("rayswarm.documents.StoredDocument")]
public sealed record StoredDocument(string Text, DocumentFormat Format, string Hash);
