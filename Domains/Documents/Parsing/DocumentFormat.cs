namespace Rayswarm.Domains.Documents;

/// <summary>How a document's text is split into sections.</summary>
[GenerateSerializer]
public enum DocumentFormat
{
    /// <summary>Markdown (CommonMark): sections by headings.</summary>
    Markdown,

    /// <summary>Plain text: sections of whole paragraphs, by size.</summary>
    Text,
}
